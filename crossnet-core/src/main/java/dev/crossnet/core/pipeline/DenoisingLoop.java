package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one denoising loop of CrossNet: samplers, guidance and conditioning branches plug into it; none owns
 * a loop of its own. Each step runs in a child {@link NDManager}; only the sample and the solver history are
 * carried to the next step, so memory stays flat however many steps run.
 */
public final class DenoisingLoop {

  /** Reports progress in this phase. */
  public static final String PHASE = "sample";

  private final NoisePredictor predictor;

  public DenoisingLoop(NoisePredictor predictor) {
    this.predictor = predictor;
  }

  /**
   * What one run of the loop needs.
   *
   * @param sampler the sampler
   * @param plan its plan
   * @param startIndex the first step to run (0, or later for SDEdit-style edits)
   * @param textStates [B, L, D] prompt states (null for unconditional models)
   * @param negativeStates [B, L, D] negative-prompt states (null: no guidance)
   * @param guidanceScale classifier-free guidance scale (1: off)
   * @param branches the edit's branch runs, in order
   * @param noise where stochastic samplers draw noise
   * @param progress progress receiver
   * @param cancellation checked before every step
   */
  public record Settings(Sampler sampler, SamplerPlan plan, int startIndex, NDArray textStates,
      NDArray negativeStates, double guidanceScale, List<BranchRun> branches, NoiseSource noise,
      ProgressListener progress, Cancellation cancellation, Resampling resampling) {

    /** Settings without resampling. */
    public Settings(Sampler sampler, SamplerPlan plan, int startIndex, NDArray textStates,
        NDArray negativeStates, double guidanceScale, List<BranchRun> branches, NoiseSource noise,
        ProgressListener progress, Cancellation cancellation) {
      this(sampler, plan, startIndex, textStates, negativeStates, guidanceScale, branches, noise, progress,
          cancellation, Resampling.NONE);
    }

    public Settings {
      branches = List.copyOf(branches);
      java.util.Objects.requireNonNull(resampling, "resampling; pass Resampling.NONE for none");
      if (startIndex < 0 || startIndex >= plan.size()) {
        throw new IllegalArgumentException("start index " + startIndex + " is outside the plan of "
            + plan.size() + " steps");
      }
    }
  }

  /**
   * Denoises {@code initial} (the sample at {@code plan.timestep(startIndex)}, before branches adjust it)
   * and returns the final sample in {@code initial}'s manager. {@code initial} itself is left open.
   */
  public NDArray run(Settings s, NDArray initial) {
    NDManager home = initial.getManager();
    GuidedPrediction guided =
        new GuidedPrediction(predictor, s.textStates(), s.negativeStates(), s.guidanceScale());
    List<AttentionControl> controls = new ArrayList<>();
    for (BranchRun run : s.branches()) {
      run.attention().ifPresent(controls::add);
    }

    NDArray x = initial.duplicate();
    StepView start = new StepView(s.sampler(), s.plan(), s.startIndex(), s.startIndex());
    for (BranchRun run : s.branches()) {
      x = replace(x, run.initialLatent(start, x), home);
    }
    SolverHistory history = SolverHistory.EMPTY;
    int total = s.plan().size() - s.startIndex();
    int[] jumpsLeft = s.resampling().jumpsPerLevel(s.plan().size(), s.startIndex());
    double[][] marginals = s.resampling().isNone() ? null : Resampling.marginals(s.sampler(), s.plan(), home);
    int i = s.startIndex();
    int done = 0;
    while (i < s.plan().size()) {
      s.cancellation().check("denoising step " + (i - s.startIndex() + 1) + " of " + total);
      try (NDManager step = home.newSubManager()) {
        x.attach(step);
        NDArray input = s.sampler().scaleModelInput(s.plan(), i, x);
        NDArray output = guided.predict(input, s.plan().timestep(i), controls, unconditional(s, i));
        StepResult result = s.sampler().step(s.plan(), i, output, x, s.noise(), history);
        NDArray next = result.prevSample();
        StepView view = new StepView(s.sampler(), s.plan(), i, s.startIndex());
        for (BranchRun run : s.branches()) {
          next = run.afterStep(view, next);
        }
        next.attach(home);
        history = carry(history, result.history(), home);
        x = next;
      }
      i++;
      done++;
      if (jumpsLeft[i] > 0) {
        // RePaint's resampling: go back jumpLength levels with the forward process and denoise them again,
        // so the generated region harmonises with the merged known region; solver history no longer applies
        jumpsLeft[i]--;
        int to = i - s.resampling().jumpLength();
        x = Resampling.renoise(marginals, i, to, x, s.noise(), home);
        closeAll(history);
        history = SolverHistory.EMPTY;
        i = to;
      }
      s.progress().onProgress(new Progress(PHASE, Math.min(done, total), total));
    }
    closeAll(history);
    return x;
  }

  /** A run's per-step unconditional states (null-text optimisation), else the edit's negative states. */
  private static NDArray unconditional(Settings s, int index) {
    if (s.negativeStates() == null) {
      return null;
    }
    for (BranchRun run : s.branches()) {
      if (run instanceof UnconditionalOverride o) {
        Optional<NDArray> states = o.unconditionalStates(index);
        if (states.isPresent()) {
          return states.get();
        }
      }
    }
    return s.negativeStates();
  }

  private static NDArray replace(NDArray old, NDArray fresh, NDManager home) {
    if (fresh != old) {
      fresh.attach(home);
      old.close();
    }
    return fresh;
  }

  /** Keeps the new history's arrays alive in {@code home} and closes those the new history dropped. */
  private static SolverHistory carry(SolverHistory old, SolverHistory fresh, NDManager home) {
    Map<NDArray, Boolean> kept = new IdentityHashMap<>();
    for (NDArray a : fresh.outputs()) {
      a.attach(home);
      kept.put(a, true);
    }
    for (NDArray a : old.outputs()) {
      if (!kept.containsKey(a)) {
        a.close();
      }
    }
    return fresh;
  }

  private static void closeAll(SolverHistory history) {
    for (NDArray a : history.outputs()) {
      a.close();
    }
  }
}
