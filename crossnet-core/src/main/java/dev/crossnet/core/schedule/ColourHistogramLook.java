package dev.crossnet.core.schedule;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/**
 * Look (colour) as a colour histogram inside the region: a joint RGB histogram of {@value #BINS} bins per channel,
 * each pixel spread over its neighbouring bins (trilinear, so a small shade change moves weight smoothly) and
 * weighted by the mask. Agreement is the histograms' intersection: 1 for the same colours in the same shares, 0 for
 * no colour in common. It ignores where the colours are, which is why it reads look and not pose.
 */
public final class ColourHistogramLook implements RegionSignal {

  /** Bins per channel. */
  public static final int BINS = 4;

  @Override
  public double agreement(Picture source, Picture other, Mask region) {
    double[] a = histogram(source, region);
    double[] b = histogram(other, region);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.min(a[i], b[i]);
    }
    return Math.min(1, s);
  }

  /** The normalised histogram (sums to 1) of the picture's colours inside the region. */
  static double[] histogram(Picture p, Mask region) {
    double[] h = new double[BINS * BINS * BINS];
    double total = 0;
    for (int y = 0; y < p.height(); y++) {
      for (int x = 0; x < p.width(); x++) {
        double w = region.weight(x, y);
        if (w <= 0) {
          continue;
        }
        int rgb = p.rgb(x, y);
        add(h, position((rgb >> 16) & 0xFF), position((rgb >> 8) & 0xFF), position(rgb & 0xFF), w);
        total += w;
      }
    }
    for (int i = 0; i < h.length; i++) {
      h[i] /= total;
    }
    return h;
  }

  /** A channel value 0..255 as a position between bin centres 0..BINS-1. */
  private static double position(int value) {
    return Math.max(0, Math.min(BINS - 1, value / 255.0 * BINS - 0.5));
  }

  private static void add(double[] h, double r, double g, double b, double w) {
    int r0 = (int) Math.floor(r);
    int g0 = (int) Math.floor(g);
    int b0 = (int) Math.floor(b);
    double fr = r - r0;
    double fg = g - g0;
    double fb = b - b0;
    for (int dr = 0; dr < 2; dr++) {
      double wr = dr == 0 ? 1 - fr : fr;
      if (wr == 0) {
        continue;
      }
      for (int dg = 0; dg < 2; dg++) {
        double wg = dg == 0 ? 1 - fg : fg;
        if (wg == 0) {
          continue;
        }
        for (int db = 0; db < 2; db++) {
          double wb = db == 0 ? 1 - fb : fb;
          if (wb == 0) {
            continue;
          }
          int index = (Math.min(BINS - 1, r0 + dr) * BINS + Math.min(BINS - 1, g0 + dg)) * BINS
              + Math.min(BINS - 1, b0 + db);
          h[index] += w * wr * wg * wb;
        }
      }
    }
  }
}
