package dev.crossnet.examples.bench;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures what a sampler costs per step around a trivial model (output = 0.1 x) on a 2x4x64x64 float32
 * sample, for every registered sampler: mean milliseconds per step over {@code --steps} steps (default 1000,
 * after 200 warm-up steps; the best of {@code --rounds} such means, default 3, as the machine may be
 * shared), split into the whole loop iteration, the {@code step} call alone and the time spent drawing noise
 * inside it, and the number of NDArrays still open afterwards.
 *
 * <p>The loop is the runtime's: each step runs in a child manager of a fresh run manager, only the next
 * sample and the solver history are moved back. Open arrays are counted with
 * {@link BaseNDManager#getManagedArrays()} on the run manager after the final sample and history are closed
 * (child managers are closed at the end of each step, so anything leaked by a step would show up here or in
 * a child that stayed open). Noise comes from the engine's generator, as the runtime's default source does
 * for speed; {@link NoiseSource#seeded} would add the cost of drawing normals in Java.
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *     -Dai.djl.offline=true dev.crossnet.examples.bench.SamplerBench [--steps 1000] [--plan 50] [--rounds 3]
 * </pre>
 */
@Command(name = "SamplerBench", sortOptions = false, sortSynopsis = false,
    description = "Times every sampler plugin's step on SD-sized latents and counts the arrays a loop leaves open.")
public final class SamplerBench implements Callable<Integer> {

  private static final Shape SHAPE = new Shape(2, 4, 64, 64);
  private static final int WARM_UP = 200;

  @Mixin
  HelpOption help;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "1000",
      description = "Steps timed per round (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--plan", paramLabel = "N", defaultValue = "50",
      description = "Steps of the sampler plan (default: ${DEFAULT-VALUE}).")
  int planSize;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
      description = "Rounds; the quickest counts, as the machine may be shared (default: ${DEFAULT-VALUE}).")
  int rounds;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new SamplerBench(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    PluginRegistry<SamplerProvider> samplers =
        PluginRegistry.discover(SamplerProvider.class, "sampler", "crossnet-samplers");
    System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %12s%n", "sampler", "ms/step", "step() ms", "noise ms",
        "open arrays");
    for (SamplerProvider provider : samplers.providers()) {
      Sampler sampler = provider.create(PluginConfig.empty());
      SamplerPlan plan = sampler.plan(planSize);
      timeLoop(sampler, plan, WARM_UP);
      // the machine is shared: keep the quietest of a few rounds, each a full mean over `steps`
      Result best = null;
      for (int round = 0; round < rounds; round++) {
        Result r = timeLoop(sampler, plan, steps);
        if (best == null || r.msPerStep < best.msPerStep) {
          best = r;
        }
      }
      System.out.printf(Locale.ROOT, "%-16s %10.4f %10.4f %10.4f %12d%n", provider.name(), best.msPerStep,
          best.msInStep, best.msInNoise, best.openArrays);
    }
  }

  /** Means per step: the whole iteration, the step call (noise included), the step's noise draws alone. */
  private record Result(double msPerStep, double msInStep, double msInNoise, int openArrays) {}

  private static Result timeLoop(Sampler sampler, SamplerPlan plan, int steps) {
    try (NDManager runManager = NDManager.newBaseManager()) {
      long[] inNoise = {0};
      NoiseSource noise = (m, shape) -> {
        long t = System.nanoTime();
        NDArray z = m.randomNormal(shape);
        inNoise[0] += System.nanoTime() - t;
        return z;
      };
      NDArray x = null;
      SolverHistory history = SolverHistory.EMPTY;
      long inStep = 0;
      long start = System.nanoTime();
      for (int n = 0; n < steps; n++) {
        int i = n % plan.size();
        if (i == 0) {
          if (x != null) {
            x.close();
          }
          history.outputs().forEach(NDArray::close);
          history = SolverHistory.EMPTY;
          x = runManager.randomNormal(SHAPE).muli(plan.initNoiseSigma());
        }
        try (NDManager scope = runManager.newSubManager()) {
          x.attach(scope);
          NDArray out = sampler.scaleModelInput(plan, i, x).mul(0.1);
          long t0 = System.nanoTime();
          StepResult r = sampler.step(plan, i, out, x, noise, history);
          inStep += System.nanoTime() - t0;
          history.outputs().forEach(a -> a.attach(scope));
          r.history().outputs().forEach(a -> a.attach(runManager));
          r.prevSample().attach(runManager);
          x = r.prevSample();
          history = r.history();
        }
      }
      long elapsed = System.nanoTime() - start;
      x.close();
      history.outputs().forEach(NDArray::close);
      int open = ((BaseNDManager) runManager).getManagedArrays().size();
      return new Result(elapsed / 1e6 / steps, inStep / 1e6 / steps, inNoise[0] / 1e6 / steps, open);
    }
  }
}
