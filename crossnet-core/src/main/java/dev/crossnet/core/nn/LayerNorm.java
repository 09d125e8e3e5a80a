package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Layer normalisation over the last axis with affine weight and bias. */
public final class LayerNorm extends Module {

  private final Shape normalized;
  private final float eps;
  private final NDArray weight;
  private final NDArray bias;

  public LayerNorm(ParameterSource source, String name, long dim, float eps) {
    super(name);
    this.normalized = new Shape(dim);
    this.eps = eps;
    this.weight = parameter(source, "weight", dim);
    this.bias = parameter(source, "bias", dim);
  }

  public NDArray forward(NDArray x) {
    return ai.djl.nn.norm.LayerNorm.layerNorm(x, normalized, weight, bias, eps).singletonOrThrow();
  }
}
