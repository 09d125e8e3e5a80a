package dev.crossnet.core.figureworld;

import dev.crossnet.api.region.Mask;
import java.util.Objects;

/**
 * The yardstick for a figure replacement: the original scene, the ideal edited scene, and the edit region
 * (the union of the old and new figures' visible pixels, dilated by {@link #margin}). The two pictures are
 * identical outside the region.
 */
public record IdealEdit(Scene original, Scene edited, int figure, Mask region) {

  public IdealEdit {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(edited, "edited");
    Objects.requireNonNull(region, "region");
  }

  /** The dilation in pixels: 2 at 64x64, scaling with the image, at least 1. */
  public static int margin(int width, int height) {
    return Math.max(1, (int) Math.round(Math.min(width, height) / 32.0));
  }

  /**
   * The region an edit of one figure would get: its hard mask dilated by {@link #margin}, as {@link #region()} is
   * for a figure replaced by one of the same silhouette.
   */
  public static Mask around(Mask figure) {
    return region(figure, figure, margin(figure.width(), figure.height()));
  }

  /** The union of two hard masks, dilated by a square of radius r. */
  public static Mask region(Mask a, Mask b, int r) {
    int w = a.width();
    int h = a.height();
    boolean[] in = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (a.weight(x, y) > 0 || b.weight(x, y) > 0) {
          for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
              in[yy * w + xx] = true;
            }
          }
        }
      }
    }
    return Mask.of(w, h, in);
  }
}
