package dev.crossnet.core.edit.branch;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Gives the occupant inside a region the colours of the subject, keeping its light and dark relative to itself:
 * each channel of the occupant's pixels is shifted and scaled so that its mean and spread become those of the
 * subject's pixels (a colour transfer by statistics). The occupant's pixels are the region's pixels that differ from
 * the background around the region (the median colour of a thin ring just outside it), so the background inside the
 * region keeps its colour. Unlike a tint, a light occupant becomes dark when the subject is dark, and the other way
 * round. The motion branch's {@code occupant=match} inverts the bedrock so recoloured.
 */
final class ColourMatch {

  /** Pixels whose largest channel difference from the background is below this count as background. */
  private static final int BACKGROUND_DISTANCE = 48;
  /** The ring around the region whose median colour is the background, in pixels. */
  private static final int RING = 2;
  /** The largest factor a channel's spread is scaled by, either way. */
  private static final double MAX_SCALE = 4;

  private ColourMatch() {}

  /**
   * {@code picture} with the occupant inside {@code mask} recoloured after {@code subject}'s pictures (inside their
   * masks where given); empty when the subject has no pictures, or the region no occupant's pixels.
   */
  static Optional<Picture> inside(Picture picture, Mask mask, Subject subject) {
    Greyscale.requireSameSize(picture, mask);
    Optional<double[]> target = statistics(subject);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    int w = picture.width();
    int h = picture.height();
    int[] pixels = picture.rgbPixels();
    float[] weights = mask.weights();
    int background = background(pixels, weights, w, h);
    boolean[] occupant = new boolean[pixels.length];
    double[] sums = new double[7];
    for (int i = 0; i < pixels.length; i++) {
      if (weights[i] > 0.5f && distance(pixels[i], background) >= BACKGROUND_DISTANCE) {
        occupant[i] = true;
        add(sums, pixels[i]);
      }
    }
    if (sums[6] == 0) {
      return Optional.empty();
    }
    double[] source = meansAndSpreads(sums);
    double[] t = target.get();
    for (int i = 0; i < pixels.length; i++) {
      if (!occupant[i]) {
        continue;
      }
      float weight = Math.min(1f, weights[i]);
      int out = 0;
      for (int k = 0; k < 3; k++) {
        int shift = 16 - 8 * k;
        int old = (pixels[i] >> shift) & 0xff;
        double scale = Math.max(1 / MAX_SCALE, Math.min(MAX_SCALE, t[3 + k] / Math.max(1, source[3 + k])));
        double matched = Math.max(0, Math.min(255, t[k] + (old - source[k]) * scale));
        out |= (int) Math.round(old + (matched - old) * weight) << shift;
      }
      pixels[i] = out;
    }
    return Optional.of(Picture.ofRgb(w, h, pixels));
  }

  /** Each channel's mean then spread over the subject's pixels, inside their masks; empty without pixels. */
  private static Optional<double[]> statistics(Subject subject) {
    double[] sums = new double[7];
    List<Picture> pictures = subject.pictures();
    for (int k = 0; k < pictures.size(); k++) {
      int[] pixels = pictures.get(k).rgbPixels();
      float[] weights = subject.masks().get(k).map(Mask::weights).orElse(null);
      for (int i = 0; i < pixels.length; i++) {
        if (weights == null || weights[i] > 0.5f) {
          add(sums, pixels[i]);
        }
      }
    }
    return sums[6] == 0 ? Optional.empty() : Optional.of(meansAndSpreads(sums));
  }

  private static void add(double[] sums, int rgb) {
    for (int k = 0; k < 3; k++) {
      int v = (rgb >> (16 - 8 * k)) & 0xff;
      sums[k] += v;
      sums[3 + k] += (double) v * v;
    }
    sums[6]++;
  }

  private static double[] meansAndSpreads(double[] sums) {
    double n = sums[6];
    double[] out = new double[6];
    for (int k = 0; k < 3; k++) {
      out[k] = sums[k] / n;
      out[3 + k] = Math.sqrt(Math.max(0, sums[3 + k] / n - out[k] * out[k]));
    }
    return out;
  }

  /** The median colour, channel by channel, of the pixels outside the mask within {@link #RING} of it. */
  private static int background(int[] pixels, float[] weights, int w, int h) {
    int[][] channels = new int[3][pixels.length];
    int n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (weights[i] > 0.5f || !near(weights, w, h, x, y)) {
          continue;
        }
        for (int k = 0; k < 3; k++) {
          channels[k][n] = (pixels[i] >> (16 - 8 * k)) & 0xff;
        }
        n++;
      }
    }
    if (n == 0) {
      return 0x808080;
    }
    int out = 0;
    for (int k = 0; k < 3; k++) {
      int[] c = Arrays.copyOf(channels[k], n);
      Arrays.sort(c);
      out |= c[n / 2] << (16 - 8 * k);
    }
    return out;
  }

  private static boolean near(float[] weights, int w, int h, int x, int y) {
    for (int yy = Math.max(0, y - RING); yy <= Math.min(h - 1, y + RING); yy++) {
      for (int xx = Math.max(0, x - RING); xx <= Math.min(w - 1, x + RING); xx++) {
        if (weights[yy * w + xx] > 0.5f) {
          return true;
        }
      }
    }
    return false;
  }

  private static int distance(int a, int b) {
    int d = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
    }
    return d;
  }
}
