package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.core.pipeline.NoisePredictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DDIM inversion of a clean latent up to the noise level where an edit's plan starts, with the
 * "ddim-inversion" sampler plugin: the deterministic path back to noise that a DDIM reverse run retraces.
 * It walks the inverse plan without guidance or branches (the edit's own loop does the denoising).
 */
public final class DdimInversion {

  /** The sampler plugin this uses. */
  public static final String SAMPLER = "ddim-inversion";

  private final NoisePredictor predictor;
  private final Sampler inverse;

  public DdimInversion(NoisePredictor predictor, Sampler inverse) {
    this.predictor = predictor;
    this.inverse = inverse;
  }

  /** With the inverse sampler configured from the model's scheduler settings. */
  public static DdimInversion of(NoisePredictor predictor, PluginConfig schedulerConfig) {
    PluginRegistry<SamplerProvider> samplers =
        PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers to the class path");
    return new DdimInversion(predictor, samplers.get(SAMPLER).create(schedulerConfig));
  }

  /**
   * The inverse plan's last index whose step ends at the level of {@code plan.timestep(start)}, or empty when
   * the edit's plan does not share the inverse plan's timesteps (e.g. another spacing).
   */
  public Optional<Integer> lastIndexFor(SamplerPlan plan, int start) {
    SamplerPlan up = inverse.plan(plan.size());
    double target = plan.timestep(start);
    for (int j = 0; j < up.size(); j++) {
      if (up.timestep(j) == target) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }

  /**
   * Inverts {@code latent} over the first {@code last + 1} steps of an {@code steps}-step inverse plan, the
   * model reading {@code states}. The result is created in the latent's manager; every step runs in its own
   * child manager. {@code cancellation} is checked before every step: a cancelled inversion ends with a
   * {@link dev.crossnet.api.progress.CancelledException} within one model evaluation, its arrays closed.
   */
  public NDArray invert(NDArray latent, int steps, int last, NDArray states, Cancellation cancellation) {
    List<NDArray> path = path(latent, steps, last, states, cancellation);
    for (int k = 0; k < path.size() - 1; k++) {
      path.get(k).close();
    }
    return path.get(path.size() - 1);
  }

  /**
   * As {@link #invert} but keeping every level: element 0 is a copy of the clean latent, element k the latent
   * after inverse step k - 1 (the level of the edit plan's index {@code steps - k}).
   */
  public List<NDArray> path(NDArray latent, int steps, int last, NDArray states, Cancellation cancellation) {
    SamplerPlan up = inverse.plan(steps);
    NDManager home = latent.getManager();
    List<NDArray> path = new ArrayList<>();
    NDArray x = latent.duplicate();
    path.add(x);
    for (int j = 0; j <= last; j++) {
      if (cancellation.isCancelled()) {
        path.forEach(NDArray::close);
        cancellation.check("the DDIM inversion (step " + j + " of " + (last + 1) + ")");
      }
      try (NDManager step = home.newSubManager()) {
        NDArray eps = predictor.predict(inverse.scaleModelInput(up, j, x), up.timestep(j), states,
            List.of());
        eps.attach(step);
        NDArray next = inverse.step(up, j, eps, x, NoiseSource.none(), SolverHistory.EMPTY).prevSample();
        next.attach(home);
        x = next;
        path.add(x);
      }
    }
    return path;
  }
}
