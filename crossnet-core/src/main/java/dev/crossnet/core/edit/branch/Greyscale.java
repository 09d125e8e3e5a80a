package dev.crossnet.core.edit.branch;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/**
 * Takes the colour out of a picture inside a mask: each pixel moves towards its own luminance (ITU-R BT.601
 * weights) by the mask's weight there. Shapes, outlines and shading stay; hue goes. The motion branch inverts
 * such a picture when asked to keep the occupant's structure without its colours.
 */
public final class Greyscale {

  private Greyscale() {}

  /** {@code picture} with the colour inside {@code mask} removed (a weight of 1 removes it all); same size. */
  public static Picture inside(Picture picture, Mask mask) {
    requireSameSize(picture, mask);
    int[] pixels = picture.rgbPixels();
    float[] weights = mask.weights();
    for (int i = 0; i < pixels.length; i++) {
      float w = weights[i];
      if (w <= 0) {
        continue;
      }
      int r = (pixels[i] >> 16) & 0xff;
      int g = (pixels[i] >> 8) & 0xff;
      int b = pixels[i] & 0xff;
      double y = luminance(pixels[i]);
      pixels[i] = (toward(r, y, w) << 16) | (toward(g, y, w) << 8) | toward(b, y, w);
    }
    return Picture.ofRgb(picture.width(), picture.height(), pixels);
  }

  /** The luminance of an RGB pixel, 0 to 255 (ITU-R BT.601 weights). */
  static double luminance(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
  }

  /** Fails, naming both sizes, when the mask is not of the picture's size. */
  static void requireSameSize(Picture picture, Mask mask) {
    if (mask.width() != picture.width() || mask.height() != picture.height()) {
      throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height() + " but the picture is "
          + picture.width() + "x" + picture.height() + "; give a mask of the picture's size");
    }
  }

  private static int toward(int channel, double luminance, float weight) {
    return (int) Math.round(channel + (luminance - channel) * Math.min(1f, weight));
  }
}
