package dev.crossnet.api.sampler;

/**
 * A discrete forward-noising schedule: {@code alphasCumprod[t]} = prod_{s<=t} (1 - beta_s) for the training
 * timesteps 0..T-1. Immutable.
 */
public final class NoiseSchedule {

  private final double[] betas;
  private final double[] alphasCumprod;

  public NoiseSchedule(double[] betas) {
    if (betas.length == 0) {
      throw new IllegalArgumentException("a noise schedule needs at least one beta");
    }
    this.betas = betas.clone();
    this.alphasCumprod = new double[betas.length];
    double product = 1;
    for (int t = 0; t < betas.length; t++) {
      if (!(betas[t] >= 0 && betas[t] < 1)) {
        throw new IllegalArgumentException("beta[" + t + "] = " + betas[t] + " is outside [0, 1)");
      }
      product *= 1 - betas[t];
      alphasCumprod[t] = product;
    }
  }

  /** Number of training timesteps T. */
  public int trainTimesteps() {
    return betas.length;
  }

  public double beta(int t) {
    return betas[t];
  }

  /** abar_t. */
  public double alphaCumprod(int t) {
    return alphasCumprod[t];
  }

  public double[] alphasCumprod() {
    return alphasCumprod.clone();
  }

  /** sigma_t = sqrt((1 - abar_t) / abar_t), the noise level in Euler/Karras units. */
  public double sigma(int t) {
    return Math.sqrt((1 - alphasCumprod[t]) / alphasCumprod[t]);
  }
}
