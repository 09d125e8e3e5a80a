package dev.crossnet.samplers.core;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.samplers.config.SchedulerConfig;

/**
 * Base of the samplers whose samples are x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps (DDPM, DDIM,
 * DPM-Solver++): the model sees the sample unscaled, and the plan's sigma of an index gives its abar as
 * 1 / (1 + sigma^2).
 */
public abstract class VariancePreservingSampler extends ScheduledSampler {

  protected VariancePreservingSampler(SchedulerConfig config) {
    super(config);
  }

  /**
   * A plan over diffusers' integer timesteps for the config's spacing, ending at level {@code finalAlpha}
   * (DDPM and DDIM).
   */
  protected SamplerPlan integerTimestepPlan(int steps, double finalAlpha) {
    Plans.checkSteps(steps, schedule);
    double[] timesteps = config.timestepSpacing().integerTimesteps(schedule.trainTimesteps(), steps,
        config.stepsOffset());
    return Plans.discrete(timesteps, schedule, levels, finalAlpha);
  }

  /** The training timestep of step {@code index}, checked to be a step of the plan. */
  protected static int trainingTimestep(SamplerPlan plan, int index) {
    Plans.checkIndex(plan, index, plan.size() - 1);
    return Plans.trainingIndex(plan.timestep(index), plan.schedule());
  }

  /** The timestep diffusers' DDPM and DDIM step from {@code t} to: t - T / n (negative after the end). */
  protected static int previousTimestep(SamplerPlan plan, int t) {
    return t - plan.schedule().trainTimesteps() / plan.size();
  }

  /** Returns {@code sample} itself: these models take the sample as it is. */
  @Override
  public NDArray scaleModelInput(SamplerPlan plan, int index, NDArray sample) {
    Plans.checkIndex(plan, index, plan.size() - 1);
    return sample;
  }

  /** sqrt(abar) original + sqrt(1 - abar) noise at the level of {@code index} (0..size; size is the end). */
  @Override
  public NDArray addNoise(SamplerPlan plan, int index, NDArray original, NDArray noise) {
    Plans.checkIndex(plan, index, plan.size());
    double alphaCumprod = Plans.alphaCumprod(plan.sigma(index));
    return Fused.combine(original.getManager(), original, Math.sqrt(alphaCumprod), noise,
        Math.sqrt(1 - alphaCumprod));
  }

  /** abar of training timestep {@code t}; negative t means "after the end": {@code finalAlpha}. */
  protected double alphaCumprodAt(int t, double finalAlpha) {
    return t >= 0 ? levels.alphaCumprod(t) : finalAlpha;
  }
}
