package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/** A 2-D convolution with bias, square kernel, weight [out, in, k, k]. */
public final class Conv2d extends Module {

  private final NDArray weight;
  private final NDArray bias;
  private final int stride;
  private final int padding;

  public Conv2d(ParameterSource source, String name, long in, long out, int kernel, int stride,
      int padding) {
    super(name);
    this.weight = parameter(source, "weight", out, in, kernel, kernel);
    this.bias = parameter(source, "bias", out);
    this.stride = stride;
    this.padding = padding;
  }

  /** A convolution that keeps the spatial size (stride 1, padding (k-1)/2). */
  public static Conv2d same(ParameterSource source, String name, long in, long out, int kernel) {
    return new Conv2d(source, name, in, out, kernel, 1, (kernel - 1) / 2);
  }

  public NDArray forward(NDArray x) {
    return Convolution.conv2d(x, weight, bias, stride, padding);
  }

  /** Multiply-accumulates per output pixel, for FLOP counts. */
  public long macsPerPixel() {
    return weight.getShape().size();
  }
}
