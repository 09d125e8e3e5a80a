package dev.crossnet.samplers.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Linear combinations of arrays with scalar weights, computed with as few temporaries as the engine allows:
 * one new array for the result, each further term made, added in place and closed at once. Samplers reduce
 * every step to such combinations (the weights are plain doubles worked out in Java), which keeps the
 * per-step cost to a handful of native calls.
 */
public final class Fused {

  private Fused() {}

  /** {@code a x + b y} for arrays of one shape, created in {@code target}. */
  public static NDArray combine(NDManager target, NDArray x, double a, NDArray y, double b) {
    NDArray result;
    if (a == 0) {
      result = y.mul(b);
    } else if (b == 0) {
      result = x.mul(a);
    } else if (Math.abs(a) >= Math.abs(b)) {
      result = scaledSum(x, a, y, b);
    } else {
      result = scaledSum(y, b, x, a);
    }
    return own(result, target);
  }

  /**
   * a x + b y as a (x + (b / a) y): one new array instead of two. The larger weight is factored out so the
   * inner ratio stays at most 1 in size.
   */
  private static NDArray scaledSum(NDArray x, double a, NDArray y, double b) {
    double ratio = b / a;
    NDArray result = ratio == 1 ? y.add(x) : y.mul(ratio).addi(x);
    return a == 1 ? result : result.muli(a);
  }

  /** {@code a x + b y + c z}, created in {@code target}. */
  public static NDArray combine(NDManager target, NDArray x, double a, NDArray y, double b, NDArray z,
      double c) {
    NDArray result = combine(target, x, a, y, b);
    if (c != 0) {
      addScaled(result, z, c);
    }
    return result;
  }

  /** {@code target += weight * term}, in place on {@code target}, an array the caller owns. */
  public static void addScaled(NDArray target, NDArray term, double weight) {
    if (weight == 1) {
      target.addi(term);
      return;
    }
    try (NDArray scaled = term.mul(weight)) {
      target.addi(scaled);
    }
  }

  /** {@code target += weight * owned}, scaling {@code owned} in place (the caller owns and then closes it). */
  public static void addScaledOwned(NDArray target, NDArray owned, double weight) {
    if (weight != 1) {
      owned.muli(weight);
    }
    target.addi(owned);
  }

  /**
   * {@code owned} clamped to [-range, range], created in {@code target}; {@code owned} is closed. Runs in a
   * throwaway manager because DJL 0.36's PyTorch {@code clip} leaves its two bound scalars open in the
   * array's manager.
   */
  public static NDArray clamp(NDArray owned, double range, NDManager target) {
    try (NDManager scratch = owned.getManager().newSubManager()) {
      owned.attach(scratch);
      NDArray clipped = owned.clip(-range, range);
      clipped.attach(target);
      return clipped;
    }
  }

  /** Moves {@code array} into {@code manager} unless it already lives there. */
  public static NDArray own(NDArray array, NDManager manager) {
    if (array.getManager() != manager) {
      array.attach(manager);
    }
    return array;
  }
}
