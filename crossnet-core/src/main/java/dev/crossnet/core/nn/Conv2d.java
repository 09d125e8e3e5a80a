package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** A 2-D convolution with bias, square kernel, weight [out, in, k, k]. */
public final class Conv2d extends Module {

  private final NDArray weight;
  private final NDArray bias;
  private final Shape stride;
  private final Shape padding;

  public Conv2d(ParameterSource source, String name, long in, long out, int kernel, int stride,
      int padding) {
    super(name);
    this.weight = parameter(source, "weight", out, in, kernel, kernel);
    this.bias = parameter(source, "bias", out);
    this.stride = new Shape(stride, stride);
    this.padding = new Shape(padding, padding);
  }

  /** A convolution that keeps the spatial size (stride 1, padding (k-1)/2). */
  public static Conv2d same(ParameterSource source, String name, long in, long out, int kernel) {
    return new Conv2d(source, name, in, out, kernel, 1, (kernel - 1) / 2);
  }

  public NDArray forward(NDArray x) {
    return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, stride, padding, new Shape(1, 1), 1)
        .singletonOrThrow();
  }

  /** Multiply-accumulates per output pixel, for FLOP counts. */
  public long macsPerPixel() {
    return weight.getShape().size();
  }
}
