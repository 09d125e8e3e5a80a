package dev.crossnet.core.edit.branch;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;

/**
 * Rescales what a region holds about the middle of the region's bottom edge, where a standing occupant's feet
 * are: inside the region each pixel takes the picture's colour at the point {@code 1 / ratio} as far from that
 * anchor (nearest pixel, clamped to the picture), so a ratio above 1 enlarges the occupant and one below 1
 * shrinks it, with its feet kept in place. Outside the region nothing changes. The motion branch scales the
 * occupant's structure to the subject's size this way when the subject is larger or smaller than the occupant.
 */
public final class StructureScale {

  private StructureScale() {}

  /** {@code picture} with the inside of {@code region} rescaled by {@code ratio} about its bottom middle. */
  public static Picture inside(Picture picture, Mask region, double ratio) {
    Greyscale.requireSameSize(picture, region);
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("scale ratio must be a positive number, got " + ratio);
    }
    Box bounds = region.bounds().orElseThrow(() -> new IllegalArgumentException("region covers nothing"));
    double anchorX = bounds.x() + bounds.width() / 2.0;
    double anchorY = bounds.y() + bounds.height();
    int w = picture.width();
    int h = picture.height();
    int[] source = picture.rgbPixels();
    int[] out = source.clone();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (region.weight(x, y) <= 0.5f) {
          continue;
        }
        // pixel centres: the point (x + 0.5, y + 0.5) comes from anchor + (point - anchor) / ratio
        int sx = clamp((int) Math.floor(anchorX + (x + 0.5 - anchorX) / ratio), w);
        int sy = clamp((int) Math.floor(anchorY + (y + 0.5 - anchorY) / ratio), h);
        out[y * w + x] = source[sy * w + sx];
      }
    }
    return Picture.ofRgb(w, h, out);
  }

  private static int clamp(int v, int size) {
    return Math.max(0, Math.min(size - 1, v));
  }
}
