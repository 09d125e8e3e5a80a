package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for arithmetic on tensors that take part in a backward pass.
 *
 * <p>Why: DJL's {@code x.mul(2f)} (and {@code div}, {@code add}, {@code maximum}... with a Java number) wraps
 * the number in a tensor over a Java direct buffer and closes it right after the op. When x requires a
 * gradient, autograd keeps that scalar for the backward pass; once the garbage collector has freed the buffer,
 * the backward reads freed memory and gradients turn to garbage or NaN, depending on GC timing. A scalar made
 * by {@code full} is allocated by libtorch, which keeps it alive as long as autograd needs it.
 */
public final class Scalars {

  private Scalars() {}

  /** A 0-d tensor of {@code value}, libtorch-owned, in {@code like}'s manager and data type. */
  public static NDArray of(NDArray like, float value) {
    return like.getManager().full(new Shape(), value, like.getDataType());
  }
}
