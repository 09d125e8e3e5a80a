package dev.crossnet.api.sampler;

import java.util.Arrays;

/**
 * The immutable outcome of planning: the timesteps a run visits (in visiting order), the noise level of each
 * (sigma = sqrt((1-abar)/abar), with one more entry for the level after the last step), and the factor that
 * scales unit noise into the first sample.
 */
public final class SamplerPlan {

  private final double[] timesteps;
  private final double[] sigmas;
  private final double initNoiseSigma;
  private final NoiseSchedule schedule;

  /**
   * @param timesteps the model timesteps, one per step, in the order they are visited
   * @param sigmas noise levels, {@code timesteps.length + 1} entries (the last is the level reached at the end)
   * @param initNoiseSigma standard deviation of the initial noise
   * @param schedule the schedule the plan was made from
   */
  public SamplerPlan(double[] timesteps, double[] sigmas, double initNoiseSigma, NoiseSchedule schedule) {
    if (timesteps.length == 0) {
      throw new IllegalArgumentException("a plan needs at least one timestep");
    }
    if (sigmas.length != timesteps.length + 1) {
      throw new IllegalArgumentException("a plan of " + timesteps.length + " timesteps needs "
          + (timesteps.length + 1) + " sigmas, got " + sigmas.length);
    }
    this.timesteps = timesteps.clone();
    this.sigmas = sigmas.clone();
    this.initNoiseSigma = initNoiseSigma;
    this.schedule = schedule;
  }

  /** Number of steps. */
  public int size() {
    return timesteps.length;
  }

  /** The model timestep of step {@code index}. */
  public double timestep(int index) {
    return timesteps[index];
  }

  /** All timesteps, a copy. */
  public double[] timesteps() {
    return timesteps.clone();
  }

  /** The noise level before step {@code index}; {@code sigma(size())} is the level after the last step. */
  public double sigma(int index) {
    return sigmas[index];
  }

  public double[] sigmas() {
    return sigmas.clone();
  }

  public double initNoiseSigma() {
    return initNoiseSigma;
  }

  public NoiseSchedule schedule() {
    return schedule;
  }

  /**
   * The index of the first step to run when an edit starts from its input noised to {@code strength}
   * (SDEdit, img2img): {@code size() - floor(size() * strength)}, as diffusers' img2img pipelines do. Strength 1
   * runs every step.
   */
  public int startIndex(double strength) {
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must lie in (0, 1], got " + strength);
    }
    int run = Math.min((int) Math.floor(size() * strength), size());
    return size() - Math.max(run, 1);
  }

  @Override
  public String toString() {
    return "SamplerPlan" + Arrays.toString(timesteps);
  }
}
