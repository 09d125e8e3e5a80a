package dev.crossnet.core.image;

import dev.crossnet.api.region.Mask;
import dev.crossnet.api.image.Picture;
import java.util.Optional;

/**
 * What an image encoder sees of a subject's picture: with a mask, the square around the mask's bounds (a margin
 * of {@value #MARGIN} of the larger side on every side) with everything outside the mask painted neutral grey, so
 * that neither the background nor other figures reach the encoder; without a mask, the picture itself. Parts of
 * the square beyond the picture are grey too.
 */
public final class SubjectCrop {

  /** The grey painted outside the mask (RGB 128, 128, 128). */
  public static final int GREY = 0x808080;
  /** The margin around the mask's bounds, as a share of their larger side. */
  public static final double MARGIN = 0.15;

  private SubjectCrop() {}

  /**
   * The crop of a picture for an image encoder.
   *
   * @throws IllegalArgumentException when the mask's size is not the picture's, or the mask is empty
   */
  public static Picture of(Picture picture, Optional<Mask> mask) {
    if (mask.isEmpty()) {
      return picture;
    }
    Mask m = mask.get();
    if (m.width() != picture.width() || m.height() != picture.height()) {
      throw new IllegalArgumentException("the subject's mask is " + m.width() + "x" + m.height()
          + " but its picture is " + picture.width() + "x" + picture.height() + "; give each picture a mask of its"
          + " own size");
    }
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < m.height(); y++) {
      for (int x = 0; x < m.width(); x++) {
        if (m.weight(x, y) >= 0.5f) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      throw new IllegalArgumentException("the subject's mask is empty (no weight of 0.5 or more); mask the subject"
          + " in its picture, or give the picture without a mask");
    }
    int w = maxX - minX + 1;
    int h = maxY - minY + 1;
    int side = Math.max(w, h);
    int margin = Math.max(1, (int) Math.round(side * MARGIN));
    int full = side + 2 * margin;
    int left = minX + (w - side) / 2 - margin;
    int top = minY + (h - side) / 2 - margin;
    int[] out = new int[full * full];
    for (int y = 0; y < full; y++) {
      for (int x = 0; x < full; x++) {
        int sx = left + x;
        int sy = top + y;
        boolean inside = sx >= 0 && sy >= 0 && sx < picture.width() && sy < picture.height()
            && m.weight(sx, sy) >= 0.5f;
        out[y * full + x] = inside ? picture.rgb(sx, sy) & 0xFFFFFF : GREY;
      }
    }
    return Picture.ofRgb(full, full, out);
  }
}
