package dev.crossnet.samplers.procedure;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * ILVR's phi_N: area-average down by N, then back up to the original size. With nearest-neighbour upsampling
 * the filter is a projection (phi(phi(x)) = phi(x)); bilinear upsampling is smoother but only nearly so.
 */
public final class LowPassFilter {

  /** How the filter returns to full size. */
  public enum Upsampling {
    NEAREST(0),
    BILINEAR(1);

    private final int mode;

    Upsampling(int mode) {
      this.mode = mode;
    }
  }

  private final int factor;
  private final Upsampling upsampling;

  public LowPassFilter(int factor, Upsampling upsampling) {
    if (factor < 1) {
      throw new IllegalArgumentException("the ILVR downsampling factor must be at least 1, got " + factor);
    }
    this.factor = factor;
    this.upsampling = upsampling;
  }

  public int factor() {
    return factor;
  }

  /** phi_N(x) for x of shape (B, C, H, W), H and W multiples of N; created in x's manager. */
  public NDArray apply(NDArray x) {
    Shape shape = x.getShape();
    if (shape.dimension() != 4) {
      throw new IllegalArgumentException("the low-pass filter takes (B, C, H, W) arrays, got shape " + shape);
    }
    long h = shape.get(2);
    long w = shape.get(3);
    if (h % factor != 0 || w % factor != 0) {
      throw new IllegalArgumentException("height " + h + " and width " + w + " must be multiples of the ILVR "
          + "factor " + factor + "; pick a factor that divides both");
    }
    try (NDArray down = x.getNDArrayInternal().interpolation(new long[] {h / factor, w / factor}, 2, false)) {
      return down.getNDArrayInternal().interpolation(new long[] {h, w}, upsampling.mode, false);
    }
  }
}
