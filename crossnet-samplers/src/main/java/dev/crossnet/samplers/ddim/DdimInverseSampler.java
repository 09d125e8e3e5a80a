package dev.crossnet.samplers.ddim;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.config.TimestepSpacing;
import dev.crossnet.samplers.core.Plans;
import dev.crossnet.samplers.core.Prediction;
import dev.crossnet.samplers.core.VariancePreservingSampler;

/**
 * DDIM inversion (diffusers' DDIMInverseScheduler): deterministic DDIM run from the clean sample towards
 * noise. The plan visits timesteps in ascending order; the step at timestep t takes the sample from the level
 * of t - T / n (abar = 1 when {@code set_alpha_to_one}, else abar_0, before the first step) to the level of t,
 * with the model evaluated at t. Only leading and trailing spacing exist, as in diffusers.
 *
 * <p>The plan's sigma of an index is the level the sample is at before that step, so
 * {@link #addNoise} places a sample where this sampler expects it.
 */
public final class DdimInverseSampler extends VariancePreservingSampler {

  public DdimInverseSampler(SchedulerConfig config) {
    super(config);
    if (config.timestepSpacing() == TimestepSpacing.LINSPACE) {
      throw new IllegalArgumentException("config key 'timestep_spacing' has the unsupported value 'linspace' "
          + "for ddim-inversion; use one of: leading, trailing");
    }
  }

  private double initialAlpha() {
    return config.setAlphaToOne() ? 1.0 : levels.alphaCumprod(0);
  }

  @Override
  public SamplerPlan plan(int steps) {
    Plans.checkSteps(steps, schedule);
    int train = schedule.trainTimesteps();
    double[] descending = config.timestepSpacing().integerTimesteps(train, steps, config.stepsOffset());
    double[] timesteps = new double[steps];
    double[] sigmas = new double[steps + 1];
    for (int i = 0; i < steps; i++) {
      timesteps[i] = descending[steps - 1 - i];
      Plans.trainingIndex(timesteps[i], schedule);
      sigmas[i] = Plans.sigma(startAlpha((int) timesteps[i], steps));
    }
    sigmas[steps] = Plans.sigma(levels.alphaCumprod((int) timesteps[steps - 1]));
    return new SamplerPlan(timesteps, sigmas, 1.0, schedule);
  }

  /** The level a sample is at before the step at timestep t. */
  private double startAlpha(int t, int steps) {
    int from = Math.min(t - schedule.trainTimesteps() / steps, schedule.trainTimesteps() - 1);
    return alphaCumprodAt(from, initialAlpha());
  }

  @Override
  public StepResult step(SamplerPlan plan, int index, NDArray modelOutput, NDArray sample, NoiseSource noise,
      SolverHistory history) {
    int t = trainingTimestep(plan, index);
    double alpha = startAlpha(t, plan.size());
    double alphaNext = levels.alphaCumprod(t);
    return DdimSampler.DdimUpdate.apply(config, Prediction.at(config.predictionType(), alpha),
        Math.sqrt(alphaNext), Math.sqrt(1 - alphaNext), 0, false, modelOutput, sample, noise);
  }
}
