package dev.crossnet.samplers.core;

import dev.crossnet.api.sampler.NoiseSchedule;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.samplers.config.SchedulerConfig;

/**
 * Base of the samplers made from a {@link SchedulerConfig}: they keep the config, its noise schedule and the
 * schedule's training levels.
 */
public abstract class ScheduledSampler implements Sampler {

  protected final SchedulerConfig config;
  protected final NoiseSchedule schedule;
  protected final TrainingLevels levels;

  protected ScheduledSampler(SchedulerConfig config) {
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
}
