package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.SplittableRandom;

/**
 * Random translations (and mirror images) of a training latent and its mask, so that a word learned from one
 * picture cannot memorise where in the picture its subject stood: every training step sees the picture rolled
 * by up to {@code maxShift} latent cells along each axis (wrapping round), mirrored left to right half of the
 * time when {@code mirror} is set. Latent and mask move together.
 *
 * @param maxShift the largest shift in latent cells, 0 for none
 * @param mirror whether half of the steps see the picture mirrored
 */
public record ShiftAugmentation(int maxShift, boolean mirror) {

  /** No augmentation: every step sees the picture as it is. */
  public static final ShiftAugmentation NONE = new ShiftAugmentation(0, false);

  public ShiftAugmentation {
    if (maxShift < 0) {
      throw new IllegalArgumentException("the inversion's shift must be 0 or more latent cells, got " + maxShift);
    }
  }

  /** One draw of the augmentation. */
  public record Draw(int dy, int dx, boolean mirrored) {

    /** Whether the draw changes an array at all. */
    public boolean moves() {
      return dy != 0 || dx != 0 || mirrored;
    }

    /** Applies the draw to a [..., H, W] array (the array itself when the draw does not move). */
    public NDArray apply(NDArray a) {
      NDArray moved = roll(a, dy, dx);
      return mirrored ? moved.flip(moved.getShape().dimension() - 1) : moved;
    }
  }

  /** A draw from {@code random}. */
  public Draw draw(SplittableRandom random) {
    int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
    int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
    return new Draw(dy, dx, mirror && random.nextBoolean());
  }

  /** The array rolled by {@code dy} rows and {@code dx} columns along its last two axes, wrapping round. */
  static NDArray roll(NDArray a, int dy, int dx) {
    int rank = a.getShape().dimension();
    return rollAxis(rollAxis(a, dy, rank - 2), dx, rank - 1);
  }

  private static NDArray rollAxis(NDArray a, int shift, int axis) {
    long n = a.getShape().get(axis);
    int s = (int) Math.floorMod(shift, n);
    if (s == 0) {
      return a;
    }
    String lead = ":, ".repeat(axis);
    NDArray tail = a.get(new NDIndex(lead + (n - s) + ":"));
    NDArray head = a.get(new NDIndex(lead + ":" + (n - s)));
    return tail.concat(head, axis);
  }
}
