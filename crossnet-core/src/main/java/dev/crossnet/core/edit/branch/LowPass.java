package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;

/**
 * ILVR's phi_N on [B, C, H, W]: area-average down by N, bilinear back up. The factor is lowered to the largest
 * one that divides both sides, so any latent size works.
 */
final class LowPass {

  private final int factor;

  LowPass(int wanted, long height, long width) {
    int f = Math.max(1, wanted);
    while (f > 1 && (height % f != 0 || width % f != 0)) {
      f--;
    }
    this.factor = f;
  }

  int factor() {
    return factor;
  }

  NDArray apply(NDArray x) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    try (NDArray down = x.getNDArrayInternal().interpolation(new long[] {h / factor, w / factor}, 2, false)) {
      return down.getNDArrayInternal().interpolation(new long[] {h, w}, 1, false);
    }
  }
}
