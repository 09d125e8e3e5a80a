package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * Finds NaN and infinite values in a loaded tensor. A model with one such weight draws black or noise and reports
 * success, so checkpoints are checked as they load. The check costs one pass (a sum, finite exactly when every
 * value is, unless a huge sum overflows); only a tensor whose sum is not finite is counted in detail.
 */
public final class NonFiniteValues {

  private NonFiniteValues() {}

  /** "3 NaN and 1 infinite value(s) of 1024", or empty when every value is finite or the tensor is not floating. */
  public static Optional<String> describe(NDArray tensor) {
    if (!tensor.getDataType().isFloating() || tensor.size() == 0) {
      return Optional.empty();
    }
    try (NDArray sum = tensor.sum()) {
      double s = sum.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
      if (Double.isFinite(s)) {
        return Optional.empty();
      }
    }
    long nan;
    long infinite;
    try (NDArray isNan = tensor.isNaN(); NDArray nanCount = isNan.countNonzero();
        NDArray isInf = tensor.isInfinite(); NDArray infCount = isInf.countNonzero()) {
      nan = nanCount.getLong();
      infinite = infCount.getLong();
    }
    if (nan == 0 && infinite == 0) {
      return Optional.empty(); // finite values whose float32 sum overflowed
    }
    return Optional.of(nan + " NaN and " + infinite + " infinite value(s) of " + tensor.size());
  }
}
