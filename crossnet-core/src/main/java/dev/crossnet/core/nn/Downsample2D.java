package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * diffusers' {@code Downsample2D}: a 3x3 stride-2 conv ({@code downsamplers.N.conv}) or, without conv, a 2x2
 * average pool. With padding 0 (the VAE's setting) diffusers pads one zero row and column at the bottom
 * and right only, which is reproduced here.
 */
public final class Downsample2D extends Module {

  private final Conv2d conv;
  private final boolean asymmetricPad;

  /** The conv form. */
  public Downsample2D(ParameterSource source, String name, long channels, long out, int padding) {
    super(name);
    this.conv = child(new Conv2d(source, path("conv"), channels, out, 3, 2, padding));
    this.asymmetricPad = padding == 0;
  }

  private Downsample2D(String name) {
    super(name);
    this.conv = null;
    this.asymmetricPad = false;
  }

  /** The parameter-free form: 2x2 average pooling with stride 2. */
  public static Downsample2D averagePool(String name) {
    return new Downsample2D(name);
  }

  public NDArray forward(NDArray x) {
    if (conv == null) {
      return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    }
    try (Scope s = Scope.of(x)) {
      NDArray in = asymmetricPad ? JniUtils.pad((PtNDArray) x, new long[] {0, 1, 0, 1}, 0) : x;
      return s.keep(conv.forward(in));
    }
  }

  /** Multiply-accumulates of the conv for the output size (0 for pooling). */
  public long macs(long outH, long outW) {
    return conv == null ? 0 : outH * outW * conv.macsPerPixel();
  }
}
