package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Reads a parameter's gradient without leaking it. DJL's {@code getGradient()} returns a new handle on the
 * gradient tensor, attached to the parameter's (long-lived) manager. An open handle keeps that tensor alive, and
 * it also stops libtorch from accumulating the next backward pass into it in place: libtorch then makes a new
 * gradient tensor every pass, and every one stays referenced. Over a long training that is one full set of
 * gradients per step (about 50 MB per step for the default model's UNet, until the machine ran out of memory).
 */
public final class Gradients {

  private Gradients() {}

  /** A copy of {@code parameter}'s current gradient, owned by {@code manager}; the live handle is closed. */
  public static NDArray copyOf(NDArray parameter, NDManager manager) {
    try (NDArray live = parameter.getGradient()) {
      NDArray copy = live.duplicate();
      copy.attach(manager);
      return copy;
    }
  }
}
