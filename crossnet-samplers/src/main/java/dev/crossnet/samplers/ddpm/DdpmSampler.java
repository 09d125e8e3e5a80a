package dev.crossnet.samplers.ddpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.Fused;
import dev.crossnet.samplers.core.Prediction;
import dev.crossnet.samplers.core.VariancePreservingSampler;

/**
 * DDPM ancestral sampling: x_{t'} = c0 x_0 + c1 x_t + sigma z with the posterior mean of q(x_{t'} | x_t, x_0)
 * and the "fixed_small" variance beta~ = (1 - abar_{t'}) / (1 - abar_t) (1 - abar_t / abar_{t'}), where t' is
 * t - T / n as in diffusers' DDPMScheduler. No noise is added on the step that reaches timestep 0 or below.
 */
public final class DdpmSampler extends VariancePreservingSampler {

  public DdpmSampler(SchedulerConfig config) {
    super(config);
  }

  @Override
  public SamplerPlan plan(int steps) {
    return integerTimestepPlan(steps, 1.0);
  }

  @Override
  public StepResult step(SamplerPlan plan, int index, NDArray modelOutput, NDArray sample, NoiseSource noise,
      SolverHistory history) {
    int t = trainingTimestep(plan, index);
    double alpha = levels.alphaCumprod(t);
    double alphaPrev = alphaCumprodAt(previousTimestep(plan, t), 1.0);
    double betaProd = 1 - alpha;
    double betaProdPrev = 1 - alphaPrev;
    double currentAlpha = alpha / alphaPrev;
    double currentBeta = 1 - currentAlpha;
    double x0Weight = Math.sqrt(alphaPrev) * currentBeta / betaProd;
    double sampleWeight = Math.sqrt(currentAlpha) * betaProdPrev / betaProd;

    NDManager out = sample.getManager();
    Prediction p = Prediction.at(config.predictionType(), alpha);
    NDArray x0 = p.x0(out, sample, modelOutput);
    NDArray prevSample;
    if (config.clipSample()) {
      x0 = Fused.clamp(x0, config.clipSampleRange(), out);
      prevSample = Fused.combine(out, x0, x0Weight, sample, sampleWeight);
    } else {
      // without clipping x_0 is linear in (sample, output): fold it into one combination
      prevSample = Fused.combine(out, sample, x0Weight * p.sampleToX0() + sampleWeight, modelOutput,
          x0Weight * p.outputToX0());
    }
    if (t > 0) {
      // "fixed_small": the posterior variance, floored as diffusers does so its root stays finite
      double variance = Math.max(betaProdPrev / betaProd * currentBeta, 1e-20);
      try (NDArray z = noise.next(out, sample.getShape())) {
        Fused.addScaledOwned(prevSample, z, Math.sqrt(variance));
      }
    }
    return new StepResult(prevSample, x0, SolverHistory.EMPTY);
  }
}
