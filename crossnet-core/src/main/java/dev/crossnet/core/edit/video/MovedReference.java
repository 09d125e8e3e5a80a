package dev.crossnet.core.edit.video;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import java.util.List;

/**
 * An earlier frame's result moved to where a frame's regions are; outside every region, the frame's own bedrock. It
 * is what a {@link TemporalAnchor} holds a frame to. Inside each region the earlier result's pixels are moved
 * {@link Motion#SHIFT by the region's shift} or {@link Motion#FLOW along the bedrock's own motion}.
 */
public final class MovedReference {

  /** How the earlier result is moved. */
  public enum Motion {
    /**
     * Every pixel of a region by how far the region's centre of weight moved since the earlier frame (whole pixels,
     * read from the nearest pixel inside the picture).
     */
    SHIFT,
    /** Every pixel of a region from where the bedrock's block matching says it came ({@link BedrockFlow}). */
    FLOW
  }

  private MovedReference() {}

  /**
   * @param earlier the earlier frame's result
   * @param earlierRegions the earlier frame's regions, one per replacement
   * @param earlierBedrock the earlier frame's bedrock (read by {@link Motion#FLOW}; may be null for
   *     {@link Motion#SHIFT})
   * @param bedrock this frame's bedrock
   * @param regions this frame's regions, in the same order
   * @throws IllegalArgumentException when the pictures, masks or region counts differ
   */
  public static Picture of(Picture earlier, List<Mask> earlierRegions, Picture earlierBedrock, Picture bedrock,
      List<Mask> regions, Motion motion) {
    int w = bedrock.width();
    int h = bedrock.height();
    if (earlier.width() != w || earlier.height() != h) {
      throw new IllegalArgumentException("the earlier result is " + earlier.width() + "x" + earlier.height()
          + " but the frame is " + w + "x" + h + "; every frame of a clip has one size");
    }
    if (earlierRegions.size() != regions.size()) {
      throw new IllegalArgumentException("the earlier frame has " + earlierRegions.size() + " regions and this one "
          + regions.size() + "; every frame has one region per replacement");
    }
    int[] out = bedrock.rgbPixels();
    int[] from = earlier.rgbPixels();
    for (int r = 0; r < regions.size(); r++) {
      Mask now = regions.get(r);
      Mask before = earlierRegions.get(r);
      int[] d = shift(before, now);
      int dx = d[0];
      int dy = d[1];
      BedrockFlow flow = motion == Motion.FLOW ? BedrockFlow.between(earlierBedrock, bedrock, now, dx, dy) : null;
      for (int y = 0; y < h; y++) {
        int sy = Math.min(h - 1, Math.max(0, y - dy));
        for (int x = 0; x < w; x++) {
          if (now.weight(x, y) > 0f) {
            int sx = Math.min(w - 1, Math.max(0, x - dx));
            out[y * w + x] = flow == null ? from[sy * w + sx] : from[flow.sourceY(x, y) * w + flow.sourceX(x, y)];
          }
        }
      }
    }
    return Picture.ofRgb(w, h, out);
  }

  /**
   * How far, in whole pixels {x, y}, the weighted centre of {@code now} lies from that of {@code before}; {0, 0}
   * when either mask is empty.
   */
  public static int[] shift(Mask before, Mask now) {
    double[] c0 = centre(before);
    double[] c1 = centre(now);
    if (c0 == null || c1 == null) {
      return new int[] {0, 0};
    }
    return new int[] {(int) Math.round(c1[0] - c0[0]), (int) Math.round(c1[1] - c0[1])};
  }

  /** The weighted centre {x, y} of a mask, or null when it is empty. */
  static double[] centre(Mask mask) {
    double sum = 0;
    double sx = 0;
    double sy = 0;
    for (int y = 0; y < mask.height(); y++) {
      for (int x = 0; x < mask.width(); x++) {
        float v = mask.weight(x, y);
        sum += v;
        sx += v * x;
        sy += v * y;
      }
    }
    return sum <= 0 ? null : new double[] {sx / sum, sy / sum};
  }
}
