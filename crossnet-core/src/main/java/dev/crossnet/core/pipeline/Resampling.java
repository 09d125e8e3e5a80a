package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;

/**
 * RePaint's resampling schedule (Lugmayr et al. 2022) for the one loop: after reaching every
 * {@code jumpLength}-th level counted from the end, go back {@code jumpLength} levels with the forward process
 * and denoise them again, {@code jumpCount - 1} times. The jump points follow diffusers' RePaintScheduler.
 *
 * @param jumpLength levels per jump, at least 1
 * @param jumpCount passes over each jumped stretch; 1 means no resampling
 */
public record Resampling(int jumpLength, int jumpCount) {

  /** No resampling. */
  public static final Resampling NONE = new Resampling(1, 1);

  public Resampling {
    if (jumpLength < 1 || jumpCount < 1) {
      throw new IllegalArgumentException("resampling needs jump length >= 1 and jump count >= 1 (1 = no "
          + "resampling), got " + jumpLength + " and " + jumpCount);
    }
  }

  public boolean isNone() {
    return jumpCount == 1;
  }

  /** Jumps still to make when the sample reaches each plan level (index = level, 0..size). */
  int[] jumpsPerLevel(int steps, int startIndex) {
    int[] left = new int[steps + 1];
    if (isNone()) {
      return left;
    }
    for (int j = 0; j < steps - jumpLength; j += jumpLength) {
      int level = steps - j;
      if (level - jumpLength >= startIndex) {
        left[level] = jumpCount - 1;
      }
    }
    return left;
  }

  /**
   * {a_k, b_k} of the forward marginal x_k = a_k x_0 + b_k eps at each plan level, read off
   * {@link Sampler#addNoise} so that any sampler's scaling works; after the last step the sample is clean.
   */
  public static double[][] marginals(Sampler sampler, SamplerPlan plan, NDManager home) {
    double[][] ab = new double[2][plan.size() + 1];
    try (NDManager scratch = home.newSubManager()) {
      NDArray one = scratch.create(new float[] {1});
      NDArray zero = scratch.create(new float[] {0});
      for (int k = 0; k < plan.size(); k++) {
        ab[0][k] = sampler.addNoise(plan, k, one, zero).getFloat();
        ab[1][k] = sampler.addNoise(plan, k, zero, one).getFloat();
      }
      ab[0][plan.size()] = 1;
      ab[1][plan.size()] = 0;
    }
    return ab;
  }

  /**
   * Takes x from level {@code from} back to the noisier level {@code to} by composing one-level forward steps
   * q(x_k | x_{k+1}) (mean (a_k / a_{k+1}) x, variance b_k^2 - (a_k / a_{k+1})^2 b_{k+1}^2). The result lives in
   * {@code home}; x is closed.
   */
  static NDArray renoise(double[][] ab, int from, int to, NDArray x, NoiseSource noise, NDManager home) {
    NDArray current = x;
    for (int k = from - 1; k >= to; k--) {
      double ratio = ab[0][k] / ab[0][k + 1];
      double variance = ab[1][k] * ab[1][k] - ratio * ratio * ab[1][k + 1] * ab[1][k + 1];
      try (NDManager scope = home.newSubManager()) {
        NDArray z = noise.next(scope, current.getShape());
        NDArray next = current.mul(ratio).addi(z.muli(Math.sqrt(Math.max(variance, 0))));
        next.attach(home);
        current.close();
        current = next;
      }
    }
    return current;
  }
}
