package dev.crossnet.samplers.core;

import dev.crossnet.api.sampler.NoiseSchedule;

/**
 * The noise levels of the training timesteps at the precision diffusers keeps them: alphas in float32, their
 * running product accumulated in double and stored in float32 (torch's CPU cumprod), sigmas computed in
 * float32. Near timestep 0, 1 - abar is tiny and the float32 rounding of abar moves sigma by up to 1e-4
 * relative, which a matching implementation must reproduce.
 */
public final class TrainingLevels {

  private final float[] alphasCumprod;

  public TrainingLevels(NoiseSchedule schedule) {
    alphasCumprod = new float[schedule.trainTimesteps()];
    double product = 1;
    for (int t = 0; t < alphasCumprod.length; t++) {
      float alpha = 1f - (float) schedule.beta(t);
      product *= alpha;
      alphasCumprod[t] = (float) product;
    }
  }

  public int size() {
    return alphasCumprod.length;
  }

  /** abar of training timestep t. */
  public double alphaCumprod(int t) {
    return alphasCumprod[t];
  }

  /** sqrt((1 - abar) / abar) of training timestep t, in float32 arithmetic. */
  public double sigma(int t) {
    float a = alphasCumprod[t];
    return (float) Math.sqrt((1f - a) / a);
  }
}
