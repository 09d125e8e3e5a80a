package dev.crossnet.examples.video;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.video.Video;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Measures over time of an edited clip against its ideal clip. */
public final class VideoMetrics {

  private VideoMetrics() {}

  /**
   * Flicker error: the mean absolute difference, over the pixels inside the region (of either frame) and their
   * 8-bit RGB channels, between the result's change from one frame to the next and the ideal clip's change,
   * averaged over every pair of consecutive frames. 0 when the result changes exactly as the ideal does; NaN for a
   * clip of one frame.
   */
  public static double flicker(Video result, Video ideal, List<Mask> regions) {
    double sum = 0;
    int pairs = 0;
    for (int f = 1; f < result.frameCount(); f++) {
      Picture r0 = result.frame(f - 1);
      Picture r1 = result.frame(f);
      Picture i0 = ideal.frame(f - 1);
      Picture i1 = ideal.frame(f);
      double frameSum = 0;
      long n = 0;
      for (int y = 0; y < r1.height(); y++) {
        for (int x = 0; x < r1.width(); x++) {
          if (regions.get(f).weight(x, y) <= 0.5f && regions.get(f - 1).weight(x, y) <= 0.5f) {
            continue;
          }
          for (int shift = 0; shift <= 16; shift += 8) {
            int dr = channel(r1, x, y, shift) - channel(r0, x, y, shift);
            int di = channel(i1, x, y, shift) - channel(i0, x, y, shift);
            frameSum += Math.abs(dr - di);
          }
          n += 3;
        }
      }
      if (n > 0) {
        sum += frameSum / n;
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  /** The share of readings equal to the most common one (1 when all agree). */
  public static double stability(List<String> readings) {
    Map<String, Integer> counts = new HashMap<>();
    readings.forEach(r -> counts.merge(r, 1, Integer::sum));
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return readings.isEmpty() ? Double.NaN : (double) most / readings.size();
  }

  private static int channel(Picture p, int x, int y, int shift) {
    return (p.rgb(x, y) >> shift) & 0xFF;
  }
}
