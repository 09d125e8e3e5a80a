package dev.crossnet.examples.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/** Picture-quality measures restricted to a mask: PSNR over 8-bit RGB and SSIM on luminance. */
public final class Metrics {

  private Metrics() {}

  /**
   * PSNR in dB over pixels where {@code inside(mask weight)} holds; infinite when they are equal.
   *
   * @param wantInside true: pixels with weight &gt; 0; false: pixels with weight 0
   */
  public static double psnr(Picture a, Picture b, Mask mask, boolean wantInside) {
    double sum = 0;
    long n = 0;
    for (int y = 0; y < a.height(); y++) {
      for (int x = 0; x < a.width(); x++) {
        if ((mask.weight(x, y) > 0) != wantInside) {
          continue;
        }
        int p = a.rgb(x, y);
        int q = b.rgb(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          double d = ((p >> shift) & 0xFF) - ((q >> shift) & 0xFF);
          sum += d * d;
        }
        n += 3;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double mse = sum / n;
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  /** Pixels that differ between the pictures where the mask's weight is 0. */
  public static long changed(Picture a, Picture b, Mask mask) {
    long n = 0;
    for (int y = 0; y < a.height(); y++) {
      for (int x = 0; x < a.width(); x++) {
        if (mask.weight(x, y) <= 0 && a.rgb(x, y) != b.rgb(x, y)) {
          n++;
        }
      }
    }
    return n;
  }

  /** Mean SSIM of 7x7 luminance windows centred inside the mask (Wang et al. 2004 constants). */
  public static double ssim(Picture a, Picture b, Mask mask) {
    int r = 3;
    double c1 = Math.pow(0.01 * 255, 2);
    double c2 = Math.pow(0.03 * 255, 2);
    double total = 0;
    int windows = 0;
    for (int y = r; y < a.height() - r; y++) {
      for (int x = r; x < a.width() - r; x++) {
        if (mask.weight(x, y) <= 0) {
          continue;
        }
        double ma = 0;
        double mb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int n = 0;
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            double la = luma(a.rgb(x + dx, y + dy));
            double lb = luma(b.rgb(x + dx, y + dy));
            ma += la;
            mb += lb;
            saa += la * la;
            sbb += lb * lb;
            sab += la * lb;
            n++;
          }
        }
        ma /= n;
        mb /= n;
        double va = saa / n - ma * ma;
        double vb = sbb / n - mb * mb;
        double cov = sab / n - ma * mb;
        total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
        windows++;
      }
    }
    return windows == 0 ? Double.NaN : total / windows;
  }

  private static double luma(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
  }
}
