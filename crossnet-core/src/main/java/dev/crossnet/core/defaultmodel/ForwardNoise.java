package dev.crossnet.core.defaultmodel;

import java.util.SplittableRandom;

/** The training forward process on flat latents: x_t = sqrt(ᾱ) x0 + sqrt(1 - ᾱ) ε, and the target to predict. */
final class ForwardNoise {

  private ForwardNoise() {}

  /**
   * Noises {@code x0[from..to)} at cumulative alpha {@code alphaBar} with fresh standard normal noise drawn from
   * {@code r}, writing the noise, the noisy values and the target: the noise itself, or v = sqrt(ᾱ) ε - sqrt(1 - ᾱ)
   * x0 when {@code predictsV}. {@code target} may be {@code noise} when the target is the noise.
   */
  static void apply(float[] x0, int from, int to, double alphaBar, boolean predictsV, SplittableRandom r,
      float[] noise, float[] noisy, float[] target) {
    float a = (float) Math.sqrt(alphaBar);
    float s = (float) Math.sqrt(1 - alphaBar);
    for (int k = from; k < to; k++) {
      noise[k] = (float) gaussian(r);
      noisy[k] = a * x0[k] + s * noise[k];
      if (predictsV) {
        target[k] = a * noise[k] - s * x0[k];
      } else if (target != noise) {
        target[k] = noise[k];
      }
    }
  }

  /** A standard normal draw (Box-Muller), so the noise depends on the random stream only. */
  static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
