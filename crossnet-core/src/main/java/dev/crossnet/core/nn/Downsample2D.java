package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * diffusers' {@code Downsample2D} with a conv: a 3x3 stride-2 conv. With padding 0 (the VAE's setting)
 * diffusers pads one zero row and column at the bottom and right only, which is reproduced here.
 */
public final class Downsample2D extends Module {

  private final Conv2d conv;
  private final boolean asymmetricPad;

  public Downsample2D(ParameterSource source, String name, long channels, long out, int padding) {
    super(name);
    this.conv = child(new Conv2d(source, path("conv"), channels, out, 3, 2, padding));
    this.asymmetricPad = padding == 0;
  }

  public NDArray forward(NDArray x) {
    try (Scope s = Scope.of(x)) {
      NDArray in = asymmetricPad ? JniUtils.pad((PtNDArray) x, new long[] {0, 1, 0, 1}, 0) : x;
      return s.keep(conv.forward(in));
    }
  }

  /** Multiply-accumulates of the conv for the output size. */
  public long macs(long outH, long outW) {
    return outH * outW * conv.macsPerPixel();
  }
}
