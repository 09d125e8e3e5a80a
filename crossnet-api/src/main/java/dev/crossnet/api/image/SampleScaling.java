package dev.crossnet.api.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * The 8-bit RGB view of a decoded image, read from its samples. Grey images are read sample by sample, because
 * Java's grey colour space is linear: {@code BufferedImage.getRGB} would brighten a PNG grey of 32 to 99.
 */
final class SampleScaling {

  private SampleScaling() {}

  /** Packed 0xRRGGBB pixels, row by row; alpha is dropped. */
  static int[] rgb8(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (isComponentGrey(image.getColorModel())) {
      Raster raster = image.getRaster();
      int max = maxSample(image.getColorModel().getComponentSize(0));
      int[] px = new int[w * h];
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          px[y * w + x] = toByte(row[x], max) * 0x010101;
        }
      }
      return px;
    }
    int[] px = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < px.length; i++) {
      px[i] &= 0xFFFFFF;
    }
    return px;
  }

  /** A grey colour model whose samples are the grey levels (not a palette). */
  static boolean isComponentGrey(ColorModel model) {
    return !(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  static int maxSample(int bits) {
    return (int) ((1L << bits) - 1);
  }

  /** A sample of {@code 0..max} as 0..255, rounded. */
  static int toByte(int sample, int max) {
    return max == 255 ? sample : (int) ((sample * 255L + max / 2) / max);
  }

  /** An 8-bit value as a sample of {@code 0..max}, rounded (exact for 16 bits: v * 257). */
  static int fromByte(int value, int max) {
    return max == 255 ? value : (int) ((value * (long) max + 127) / 255);
  }
}
