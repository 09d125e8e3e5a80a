package dev.crossnet.examples.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/** Masks as pictures, for looking at them, and whether two masks share a pixel. */
final class Masks {

  private Masks() {}

  /** White inside, black outside, grey in between. */
  static Picture picture(Mask mask) {
    int[] rgb = new int[mask.width() * mask.height()];
    for (int y = 0; y < mask.height(); y++) {
      for (int x = 0; x < mask.width(); x++) {
        int v = Math.round(mask.weight(x, y) * 255);
        rgb[y * mask.width() + x] = (v << 16) | (v << 8) | v;
      }
    }
    return Picture.ofRgb(mask.width(), mask.height(), rgb);
  }

  /** Whether no pixel has weight in both masks (of one size). */
  static boolean disjoint(Mask a, Mask b) {
    float[] wa = a.weights();
    float[] wb = b.weights();
    for (int i = 0; i < wa.length; i++) {
      if (wa[i] > 0 && wb[i] > 0) {
        return false;
      }
    }
    return true;
  }
}
