package dev.crossnet.samplers.euler;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.SchedulerConfig;
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
    return eulerStep(plan.sigma(index), plan.sigma(index + 1), modelOutput, sample);
  }
}
