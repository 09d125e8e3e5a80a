package dev.crossnet.samplers.euler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.Fused;
import dev.crossnet.samplers.core.Plans;

/**
 * The Euler method on the probability-flow ODE dx/dsigma = (x - x_0) / sigma (Karras et al. 2022, without
 * churn): x' = x + (sigma' - sigma) (x - x_0) / sigma. Deterministic.
 */
public final class EulerSampler extends SigmaScaledSampler {

  public EulerSampler(SchedulerConfig config) {
    super(config);
  }

  @Override
  public StepResult step(SamplerPlan plan, int index, NDArray modelOutput, NDArray sample, NoiseSource noise,
      SolverHistory history) {
    Plans.checkIndex(plan, index, plan.size() - 1);
    double sigma = plan.sigma(index);
    double slope = (plan.sigma(index + 1) - sigma) / sigma;
    double[] w = x0Weights(config.predictionType(), sigma);
    NDManager out = sample.getManager();
    NDArray x0 = Fused.combine(out, sample, w[0], modelOutput, w[1]);
    // x + slope (x - x_0), written on (sample, output) so it is one combination
    NDArray prev = Fused.combine(out, sample, 1 + slope * (1 - w[0]), modelOutput, -slope * w[1]);
    return new StepResult(prev, x0, SolverHistory.EMPTY);
  }
}
