package dev.crossnet.core.edit.branch;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recolours a picture inside a mask with one colour, keeping its light and dark: each pixel's luminance picks a
 * shade on the ramp black, colour, white (mid-grey gives the colour itself), and the pixel moves to that shade by
 * the mask's weight. Outlines and shading stay, hue becomes the given colour. The motion branch's
 * {@code occupant=tint} inverts the bedrock with each region so recoloured in its subject's dominant colour, so
 * the occupant's shape arrives already in the subject's colour.
 */
final class Tint {

  /** Pixels whose channels spread less than this are greys (outlines, white, shadows) and carry no hue. */
  private static final int MIN_SPREAD = 40;

  private Tint() {}

  /** {@code picture} recoloured with {@code rgb} inside {@code mask}; same size. */
  static Picture inside(Picture picture, Mask mask, int rgb) {
    Greyscale.requireSameSize(picture, mask);
    int[] pixels = picture.rgbPixels();
    float[] weights = mask.weights();
    for (int i = 0; i < pixels.length; i++) {
      float w = Math.min(1f, weights[i]);
      if (w <= 0) {
        continue;
      }
      int p = pixels[i];
      double y = Greyscale.luminance(p) / 255.0;
      int out = 0;
      for (int shift = 16; shift >= 0; shift -= 8) {
        int c = (rgb >> shift) & 0xff;
        double shade = y <= 0.5 ? c * 2 * y : c + (255 - c) * (2 * y - 1);
        int old = (p >> shift) & 0xff;
        out |= (int) Math.round(old + (shade - old) * w) << shift;
      }
      pixels[i] = out;
    }
    return Picture.ofRgb(picture.width(), picture.height(), pixels);
  }

  /**
   * The subject's dominant colour: the most frequent colour (to 4 bits a channel) among the coloured pixels of its
   * pictures, inside their masks where given; empty for a subject without pictures or without coloured pixels.
   */
  static Optional<Integer> dominant(Subject subject) {
    Map<Integer, long[]> bins = new HashMap<>();
    List<Picture> pictures = subject.pictures();
    for (int k = 0; k < pictures.size(); k++) {
      Picture p = pictures.get(k);
      int[] pixels = p.rgbPixels();
      Optional<Mask> mask = subject.masks().get(k);
      float[] weights = mask.map(Mask::weights).orElse(null);
      for (int i = 0; i < pixels.length; i++) {
        if (weights != null && weights[i] <= 0.5f) {
          continue;
        }
        int r = (pixels[i] >> 16) & 0xff;
        int g = (pixels[i] >> 8) & 0xff;
        int b = pixels[i] & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) < MIN_SPREAD) {
          continue;
        }
        long[] sum = bins.computeIfAbsent(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4), key -> new long[4]);
        sum[0] += r;
        sum[1] += g;
        sum[2] += b;
        sum[3]++;
      }
    }
    return bins.entrySet().stream()
        .max((a, b) -> a.getValue()[3] != b.getValue()[3] ? Long.compare(a.getValue()[3], b.getValue()[3])
            : Integer.compare(b.getKey(), a.getKey()))
        .map(e -> {
          long[] s = e.getValue();
          return (int) (s[0] / s[3]) << 16 | (int) (s[1] / s[3]) << 8 | (int) (s[2] / s[3]);
        });
  }
}
