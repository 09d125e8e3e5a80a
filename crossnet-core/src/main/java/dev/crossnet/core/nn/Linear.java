package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/** A dense layer, weight [out, in] as in PyTorch, applied to the last axis. */
public final class Linear extends Module {

  private final NDArray weight;
  private final NDArray bias;

  public Linear(ParameterSource source, String name, long in, long out, boolean bias) {
    super(name);
    this.weight = parameter(source, "weight", out, in);
    this.bias = bias ? parameter(source, "bias", out) : null;
  }

  public NDArray forward(NDArray x) {
    return bias == null
        ? ai.djl.nn.core.Linear.linear(x, weight).singletonOrThrow()
        : ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
  }

  /** Multiply-accumulates per row of input, for FLOP counts. */
  public long macsPerRow() {
    return weight.getShape().size();
  }
}
