package dev.crossnet.samplers.procedure;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import java.util.function.UnaryOperator;

/**
 * What a procedure carries between steps (the sample and the solver history), and the one scoped step all
 * procedures share. Each step runs in a child manager of {@code home}: the previous sample, the model's
 * output and every intermediate die with it, and only the next sample and the history it keeps are moved
 * back to {@code home}. A state owns its arrays; {@link #close()} frees them.
 */
final class DenoisingState implements AutoCloseable {

  private final NDManager home;
  private NDArray sample;
  private SolverHistory history = SolverHistory.EMPTY;

  /** Takes ownership of {@code start}, which must live in {@code home}. */
  DenoisingState(NDManager home, NDArray start) {
    this.home = home;
    this.sample = start;
  }

  NDArray sample() {
    return sample;
  }

  NDManager home() {
    return home;
  }

  /**
   * Runs step {@code index} and then {@code after} on its result, inside one scope; {@code after} may build
   * its output from any array of the step.
   */
  void step(Sampler sampler, SamplerPlan plan, int index, Denoiser model, NoiseSource noise,
      UnaryOperator<NDArray> after) {
    try (NDManager scope = home.newSubManager()) {
      sample.attach(scope);
      NDArray output = model.predict(sampler.scaleModelInput(plan, index, sample), plan.timestep(index));
      StepResult result = sampler.step(plan, index, output, sample, noise, history);
      NDArray next = after.apply(result.prevSample());
      next.attach(home);
      for (NDArray old : history.outputs()) {
        old.attach(scope);
      }
      for (NDArray kept : result.history().outputs()) {
        kept.attach(home);
      }
      history = result.history();
      sample = next;
    }
  }

  /** Replaces the sample by {@code f(sample)} in a scope (the old sample is freed); history is dropped. */
  void transform(UnaryOperator<NDArray> f) {
    try (NDManager scope = home.newSubManager()) {
      sample.attach(scope);
      NDArray next = f.apply(sample);
      next.attach(home);
      sample = next;
      dropHistory(scope);
    }
  }

  private void dropHistory(NDManager scope) {
    for (NDArray old : history.outputs()) {
      old.attach(scope);
    }
    history = SolverHistory.EMPTY;
  }

  /** Hands the sample to the caller (it stays in {@code home}) and frees the rest. */
  NDArray release() {
    try (NDManager scope = home.newSubManager()) {
      dropHistory(scope);
    }
    NDArray out = sample;
    sample = null;
    return out;
  }

  @Override
  public void close() {
    if (sample != null) {
      release().close();
    }
  }
}
