package dev.crossnet.samplers.procedure;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.samplers.core.Fused;

/**
 * RePaint (Lugmayr et al. 2022): inpainting with an unconditional model. After each step the known region is
 * replaced by the input noised to the new level; every {@code jumpLength} steps the run goes back
 * {@code jumpLength} levels with the one-step forward process q(x_t | x_{t-1}) and denoises them again,
 * {@code jumpCount - 1} times, so the generated region can harmonise with the known one. The jump points are
 * those of diffusers' RePaintScheduler: after the steps that reach k * jumpLength steps from the end, for
 * k * jumpLength < steps - jumpLength.
 *
 * <p>The re-noising works for any sampler: the forward marginal x_k = a_k x_0 + b_k eps of each plan index is
 * read off {@link Sampler#addNoise} (for DDPM-type samplers a = sqrt(abar), b = sqrt(1 - abar); for Euler-type
 * a = 1, b = sigma), and q(x_k | x_{k+1}) then has mean (a_k / a_{k+1}) x_{k+1} and variance
 * b_k^2 - (a_k / a_{k+1})^2 b_{k+1}^2.
 */
public final class RePaint {

  private final int jumpLength;
  private final int jumpCount;

  /** RePaint with the paper's defaults: jump length 10, 10 resamplings. */
  public RePaint() {
    this(10, 10);
  }

  public RePaint(int jumpLength, int jumpCount) {
    if (jumpLength < 1 || jumpCount < 1) {
      throw new IllegalArgumentException("RePaint needs jumpLength >= 1 and jumpCount >= 1 (1 = no resampling), "
          + "got " + jumpLength + " and " + jumpCount);
    }
    this.jumpLength = jumpLength;
    this.jumpCount = jumpCount;
  }

  /**
   * Inpaints {@code known} where {@code mask} is 0, keeping it where the mask is 1. The mask must be
   * broadcastable to the sample; the result is created in known's manager.
   */
  public NDArray run(Sampler sampler, SamplerPlan plan, Denoiser model, NDArray known, NDArray mask,
      NoiseSource noise) {
    NDManager home = known.getManager();
    int steps = plan.size();
    double[][] marginals = marginals(sampler, plan, home);
    int[] jumpsLeft = new int[steps + 1];
    for (int j = 0; j < steps - jumpLength; j += jumpLength) {
      jumpsLeft[steps - j] = jumpCount - 1;
    }
    NDArray start;
    try (NDArray z = noise.next(home, known.getShape())) {
      start = z.mul(plan.initNoiseSigma());
    }
    try (NDArray unknownMask = mask.neg().addi(1); DenoisingState state = new DenoisingState(home, start)) {
      int level = 0;
      while (level < steps) {
        int next = level + 1;
        state.step(sampler, plan, level, model, noise, x -> merge(sampler, plan, next, x, known, mask,
            unknownMask, noise));
        level = next;
        if (jumpsLeft[level] > 0) {
          jumpsLeft[level]--;
          for (int k = 0; k < jumpLength; k++) {
            int to = level - 1;
            state.transform(x -> undo(marginals, to, x, noise));
            level = to;
          }
        }
      }
      return state.release();
    }
  }

  /** known (noised to level {@code next}, clean at the end) where mask is 1, x elsewhere. */
  private static NDArray merge(Sampler sampler, SamplerPlan plan, int next, NDArray x, NDArray known,
      NDArray mask, NDArray unknownMask, NoiseSource noise) {
    NDManager scope = x.getManager();
    NDArray knownAtLevel;
    if (next < plan.size()) {
      try (NDArray z = noise.next(scope, known.getShape())) {
        knownAtLevel = Fused.own(sampler.addNoise(plan, next, known, z), scope);
      }
    } else {
      knownAtLevel = known.duplicate();
      knownAtLevel.attach(scope);
    }
    // products, not x + mask (known - x): with a 0/1 mask the known pixels come out bit-exact
    knownAtLevel.muli(mask);
    try (NDArray generated = x.mul(unknownMask)) {
      return knownAtLevel.addi(generated);
    }
  }

  /** One forward step from plan level {@code to + 1} back to level {@code to}. */
  private static NDArray undo(double[][] marginals, int to, NDArray x, NoiseSource noise) {
    double ratio = marginals[0][to] / marginals[0][to + 1];
    double variance = marginals[1][to] * marginals[1][to] - ratio * ratio * marginals[1][to + 1]
        * marginals[1][to + 1];
    NDArray out = x.mul(ratio);
    try (NDArray z = noise.next(x.getManager(), x.getShape())) {
      Fused.addScaledOwned(out, z, Math.sqrt(Math.max(variance, 0)));
    }
    return out;
  }

  /** {a_k} and {b_k} of x_k = a_k x_0 + b_k eps for plan indices 0..size, read off the sampler. */
  private static double[][] marginals(Sampler sampler, SamplerPlan plan, NDManager home) {
    double[][] ab = new double[2][plan.size() + 1];
    try (NDManager scratch = home.newSubManager()) {
      NDArray one = scratch.create(new double[] {1});
      NDArray zero = scratch.create(new double[] {0});
      for (int k = 0; k < plan.size(); k++) {
        ab[0][k] = sampler.addNoise(plan, k, one, zero).getDouble();
        ab[1][k] = sampler.addNoise(plan, k, zero, one).getDouble();
      }
      // after the last step the sample is clean
      ab[0][plan.size()] = 1;
      ab[1][plan.size()] = 0;
    }
    return ab;
  }
}
