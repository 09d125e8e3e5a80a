package dev.crossnet.api.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;

/**
 * An edit applied to a copy of the decoded file: only the pixels the edit changed are written, each in the
 * file's own sample format (bit depth, grey or colour, alpha), so every other pixel keeps its exact samples.
 * A palette image (and a grey image of 1, 2 or 4 bits, which Java decodes as a palette) is first widened to 8
 * bits per sample with its colours unchanged, because an edit's colours rarely fit the palette.
 */
final class EditedRaster {

  private EditedRaster() {}

  /**
   * The decoded image with {@code edited}'s colour wherever it differs from {@code view} (the 8-bit view the
   * edit started from); alpha is kept as it was.
   */
  static BufferedImage apply(BufferedImage decoded, int[] view, int[] edited) {
    BufferedImage out = editableCopy(decoded);
    ColorModel model = out.getColorModel();
    WritableRaster raster = out.getRaster();
    boolean grey = SampleScaling.isComponentGrey(model);
    int w = out.getWidth();
    for (int i = 0; i < view.length; i++) {
      if (view[i] == edited[i]) {
        continue;
      }
      int x = i % w;
      int y = i / w;
      int rgb = edited[i];
      if (grey) {
        raster.setSample(x, y, 0, SampleScaling.fromByte(luma(rgb), SampleScaling.maxSample(model.getComponentSize(0))));
      } else {
        for (int band = 0; band < 3; band++) {
          int value = (rgb >> (16 - 8 * band)) & 0xFF;
          raster.setSample(x, y, band, SampleScaling.fromByte(value, SampleScaling.maxSample(model.getComponentSize(band))));
        }
      }
    }
    return out;
  }

  /** Rec. 601 luma, the grey a colour edit becomes in a grey file. */
  static int luma(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }

  private static BufferedImage editableCopy(BufferedImage decoded) {
    ColorModel model = decoded.getColorModel();
    if (model instanceof IndexColorModel palette) {
      return widened(decoded, palette);
    }
    int space = model.getColorSpace().getType();
    if ((space == ColorSpace.TYPE_RGB || space == ColorSpace.TYPE_GRAY) && !model.isAlphaPremultiplied()) {
      WritableRaster copy = decoded.getRaster().createCompatibleWritableRaster();
      copy.setRect(decoded.getRaster());
      return new BufferedImage(model, copy, false, null);
    }
    return rgbCopy(decoded, model.hasAlpha());
  }

  private static BufferedImage widened(BufferedImage decoded, IndexColorModel palette) {
    if (isGreyRamp(palette)) {
      BufferedImage grey = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      WritableRaster target = grey.getRaster();
      for (int y = 0; y < decoded.getHeight(); y++) {
        for (int x = 0; x < decoded.getWidth(); x++) {
          target.setSample(x, y, 0, palette.getRed(decoded.getRaster().getSample(x, y, 0)));
        }
      }
      return grey;
    }
    return rgbCopy(decoded, palette.hasAlpha());
  }

  private static boolean isGreyRamp(IndexColorModel palette) {
    if (palette.hasAlpha()) {
      return false;
    }
    for (int i = 0; i < palette.getMapSize(); i++) {
      int r = palette.getRed(i);
      if (palette.getGreen(i) != r || palette.getBlue(i) != r) {
        return false;
      }
    }
    return true;
  }

  private static BufferedImage rgbCopy(BufferedImage decoded, boolean alpha) {
    int w = decoded.getWidth();
    int h = decoded.getHeight();
    BufferedImage copy = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    copy.setRGB(0, 0, w, h, decoded.getRGB(0, 0, w, h, null, 0, w), 0, w);
    return copy;
  }
}
