package dev.crossnet.core.judge;

import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import java.util.Arrays;

/**
 * Builds the focus masks the judge reads. The FigureWorld judge was trained on filled rectangles around a
 * figure, so callers with any other region (an edit region, a figure's pixels) should pass it through
 * {@link #around(Mask, int)} to ask the question the judge knows how to answer.
 *
 * <pre>{@code
 * Mask focus = FocusMasks.around(edit.region(), 0);
 * JudgeReading r = judge.read(edited, focus);
 * }</pre>
 */
public final class FocusMasks {

  private FocusMasks() {}

  /** The whole picture: questions about "the figure" then make sense only when there is one. */
  public static Mask whole(int width, int height) {
    float[] everywhere = new float[width * height];
    Arrays.fill(everywhere, 1f);
    return Mask.of(width, height, everywhere);
  }

  /** A filled rectangle: the box grown by {@code margin} pixels on every side, clipped to the picture. */
  public static Mask box(Box box, int margin, int width, int height) {
    if (margin < 0) {
      throw new IllegalArgumentException("focus margin must be >= 0 pixels, got " + margin);
    }
    boolean[] inside = new boolean[width * height];
    int x0 = Math.max(0, box.x() - margin);
    int y0 = Math.max(0, box.y() - margin);
    int x1 = Math.min(width, box.x() + box.width() + margin);
    int y1 = Math.min(height, box.y() + box.height() + margin);
    if (x0 >= x1 || y0 >= y1) {
      throw new IllegalArgumentException("focus box " + box + " lies outside the " + width + "x" + height
          + " picture; give a box that overlaps it");
    }
    for (int y = y0; y < y1; y++) {
      Arrays.fill(inside, y * width + x0, y * width + x1, true);
    }
    return Mask.of(width, height, inside);
  }

  /** The filled rectangle around every pixel of {@code region} with weight above 0, grown by {@code margin}. */
  public static Mask around(Mask region, int margin) {
    Box bounds = region.bounds().orElseThrow(() -> new IllegalArgumentException("the focus region "
        + region.width() + "x" + region.height() + " is empty; pass a region with at least one pixel, or use "
        + "FocusMasks.whole for the whole picture"));
    return box(bounds, margin, region.width(), region.height());
  }
}
