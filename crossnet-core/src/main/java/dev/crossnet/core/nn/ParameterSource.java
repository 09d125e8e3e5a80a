package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.weights.WeightBinder;

/**
 * Where modules get their parameters while they are built. Checkpoints go through a {@link WeightBinder}
 * ({@link #of(WeightBinder)}), which checks shapes and reports missing and unused tensors; other
 * implementations generate weights (see {@link RandomParameters}).
 */
@FunctionalInterface
public interface ParameterSource {

  /** The parameter of that full checkpoint name, with the shape the module's config requires. */
  NDArray take(String name, Shape shape);

  /** Adapts a binder: every take is checked and recorded, so {@link WeightBinder#finish()} can report. */
  static ParameterSource of(WeightBinder binder) {
    return binder::take;
  }
}
