package dev.crossnet.samplers.core;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.NoiseSchedule;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.samplers.config.SchedulerConfig;

/**
 * Base of the samplers whose samples are x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps (DDPM, DDIM,
 * DPM-Solver++): the model sees the sample unscaled, and the plan's sigma of an index gives its abar as
 * 1 / (1 + sigma^2).
 */
public abstract class VariancePreservingSampler implements Sampler {

  protected final SchedulerConfig config;
  protected final NoiseSchedule schedule;
  protected final TrainingLevels levels;

  protected VariancePreservingSampler(SchedulerConfig config) {
    this.config = config;
    this.schedule = config.noiseSchedule();
    this.levels = new TrainingLevels(schedule);
  }

  /** The settings this sampler was made from. */
  public SchedulerConfig config() {
    return config;
  }

  @Override
  public NoiseSchedule schedule() {
    return schedule;
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
