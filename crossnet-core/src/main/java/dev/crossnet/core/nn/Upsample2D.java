package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/** diffusers' {@code Upsample2D} with a conv: nearest-neighbour to twice the size (or a given size), conv 3x3. */
public final class Upsample2D extends Module {

  private final Conv2d conv;

  public Upsample2D(ParameterSource source, String name, long channels, long out) {
    super(name);
    this.conv = child(Conv2d.same(source, path("conv"), channels, out, 3));
  }

  /** Upsamples x [B, C, H, W] to [targetH, targetW] (pass 2H, 2W for the usual doubling). */
  public NDArray forward(NDArray x, long targetH, long targetW) {
    try (Scope s = Scope.of(x)) {
      NDArray up = x.getNDArrayInternal().interpolation(new long[] {targetH, targetW}, 0, false);
      return s.keep(conv.forward(up));
    }
  }

  public NDArray forward(NDArray x) {
    return forward(x, x.getShape().get(2) * 2, x.getShape().get(3) * 2);
  }

  /** Multiply-accumulates of the conv at the output size. */
  public long macs(long outH, long outW) {
    return outH * outW * conv.macsPerPixel();
  }
}
