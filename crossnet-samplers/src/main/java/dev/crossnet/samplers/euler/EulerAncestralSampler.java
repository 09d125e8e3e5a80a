package dev.crossnet.samplers.euler;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.Fused;
import dev.crossnet.samplers.core.Plans;

/**
 * Euler ancestral: an Euler step down to sigma_down, then fresh noise of size sigma_up, where
 * sigma_up^2 = sigma'^2 (sigma^2 - sigma'^2) / sigma^2 and sigma_down^2 = sigma'^2 - sigma_up^2, so the
 * marginal noise level after the step is sigma'.
 */
public final class EulerAncestralSampler extends SigmaScaledSampler {

  public EulerAncestralSampler(SchedulerConfig config) {
    super(config);
  }

  @Override
  public StepResult step(SamplerPlan plan, int index, NDArray modelOutput, NDArray sample, NoiseSource noise,
      SolverHistory history) {
    Plans.checkIndex(plan, index, plan.size() - 1);
    double sigma = plan.sigma(index);
    double next = plan.sigma(index + 1);
    double up = Math.sqrt(next * next * (sigma * sigma - next * next) / (sigma * sigma));
    double down = Math.sqrt(next * next - up * up);
    StepResult result = eulerStep(sigma, down, modelOutput, sample);
    // diffusers draws the noise on every step, even the last where sigma_up is 0; so do we, to stay in step
    try (NDArray z = noise.next(sample.getManager(), sample.getShape())) {
      if (up > 0) {
        Fused.addScaledOwned(result.prevSample(), z, up);
      }
    }
    return result;
  }
}
