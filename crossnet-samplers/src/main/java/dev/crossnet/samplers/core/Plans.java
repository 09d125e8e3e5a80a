package dev.crossnet.samplers.core;

import dev.crossnet.api.sampler.NoiseSchedule;
import dev.crossnet.api.sampler.SamplerPlan;

/** Helpers to build and read {@link SamplerPlan}s. */
public final class Plans {

  private Plans() {}

  /** sigma = sqrt((1 - abar) / abar). */
  public static double sigma(double alphaCumprod) {
    return Math.sqrt((1 - alphaCumprod) / alphaCumprod);
  }

  /** abar = 1 / (1 + sigma^2), the inverse of {@link #sigma}. */
  public static double alphaCumprod(double sigma) {
    return 1 / (1 + sigma * sigma);
  }

  /** A plan over whole training timesteps whose sigmas are the schedule's, ending at level {@code finalAlpha}. */
  public static SamplerPlan discrete(double[] timesteps, NoiseSchedule schedule, TrainingLevels levels,
      double finalAlpha) {
    double[] sigmas = new double[timesteps.length + 1];
    for (int i = 0; i < timesteps.length; i++) {
      sigmas[i] = sigma(levels.alphaCumprod(trainingIndex(timesteps[i], schedule)));
    }
    sigmas[timesteps.length] = sigma(finalAlpha);
    return new SamplerPlan(timesteps, sigmas, 1.0, schedule);
  }

  /** Checks that a plan timestep is a training timestep and returns it as an index. */
  public static int trainingIndex(double timestep, NoiseSchedule schedule) {
    int t = (int) timestep;
    if (t != timestep || t < 0 || t >= schedule.trainTimesteps()) {
      throw new IllegalArgumentException("timestep " + timestep + " is not a training timestep in [0, "
          + (schedule.trainTimesteps() - 1) + "]; lower steps_offset or use fewer steps");
    }
    return t;
  }

  /** Fails unless 0 <= index <= max. */
  public static void checkIndex(SamplerPlan plan, int index, int max) {
    if (index < 0 || index > max) {
      throw new IndexOutOfBoundsException("step index " + index + " is outside [0, " + max + "] of a plan of "
          + plan.size() + " steps");
    }
  }

  /** Fails unless 1 <= steps <= the schedule's training timesteps. */
  public static void checkSteps(int steps, NoiseSchedule schedule) {
    if (steps < 1 || steps > schedule.trainTimesteps()) {
      throw new IllegalArgumentException("cannot plan " + steps + " steps over " + schedule.trainTimesteps()
          + " training timesteps; ask for 1 to " + schedule.trainTimesteps() + " steps");
    }
  }
}
