package dev.crossnet.samplers;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import java.util.ArrayList;
import java.util.List;

/** The plain denoising loop of the Sampler SPI's Javadoc, keeping the sample after each step. */
public final class LoopRunner {

  private LoopRunner() {}

  public static List<NDArray> run(Sampler sampler, SamplerPlan plan, int from, NDArray x, Denoiser model,
      NoiseSource noise) {
    List<NDArray> after = new ArrayList<>();
    SolverHistory history = SolverHistory.EMPTY;
    for (int i = from; i < plan.size(); i++) {
      NDArray eps = model.predict(sampler.scaleModelInput(plan, i, x), plan.timestep(i));
      StepResult r = sampler.step(plan, i, eps, x, noise, history);
      x = r.prevSample();
      history = r.history();
      after.add(x);
    }
    return after;
  }

  public static NDArray last(List<NDArray> samples) {
    return samples.get(samples.size() - 1);
  }
}
