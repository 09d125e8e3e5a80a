package dev.crossnet.core.testing;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bedrock files of every PNG colour type and bit depth PNG allows, with structure in every pixel, and a way to
 * compare two decoded images sample for sample at full precision.
 */
public final class PngFixtures {

  /** One PNG kind: colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA) and bit depth. */
  public record Kind(int colourType, int bitDepth) {

    @Override
    public String toString() {
      String type = switch (colourType) {
        case PngBytes.GREY -> "grey";
        case PngBytes.RGB -> "rgb";
        case PngBytes.PALETTE -> "palette";
        case PngBytes.GREY_ALPHA -> "grey+alpha";
        default -> "rgba";
      };
      return type + "-" + bitDepth;
    }
  }

  private PngFixtures() {}

  /** Every colour type with every bit depth PNG allows for it (15 kinds). */
  public static Stream<Kind> allKinds() {
    List<Kind> kinds = new ArrayList<>();
    for (int depth : new int[] {1, 2, 4, 8, 16}) {
      kinds.add(new Kind(PngBytes.GREY, depth));
    }
    for (int depth : new int[] {1, 2, 4, 8}) {
      kinds.add(new Kind(PngBytes.PALETTE, depth));
    }
    for (int depth : new int[] {8, 16}) {
      kinds.add(new Kind(PngBytes.RGB, depth));
      kinds.add(new Kind(PngBytes.GREY_ALPHA, depth));
      kinds.add(new Kind(PngBytes.RGBA, depth));
    }
    return kinds.stream();
  }

  /** A PNG of this kind and size whose samples vary with x, y and channel, written to {@code file}. */
  public static Path write(Kind kind, int width, int height, Path file) {
    int channels = PngBytes.channels(kind.colourType());
    int max = (1 << kind.bitDepth()) - 1;
    int[] samples = new int[width * height * channels];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          // a prime stride over the whole range, so 16-bit files use their low byte too
          long v = (x * 7919L + y * 104729L + c * 1299709L + 32) % (max + 1L);
          boolean alpha = (kind.colourType() == PngBytes.GREY_ALPHA && c == 1)
              || (kind.colourType() == PngBytes.RGBA && c == 3);
          samples[(y * width + x) * channels + c] = alpha ? (int) Math.max(v, max / 2) : (int) v;
        }
      }
    }
    int[] palette = new int[1 << Math.min(kind.bitDepth(), 8)];
    for (int i = 0; i < palette.length; i++) {
      palette[i] = (i * 0x3B1F07 + 0x102030) & 0xFFFFFF;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, PngBytes.encode(width, height, kind.colourType(), kind.bitDepth(), samples, palette));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pixel's colour and alpha as exact fractions of full scale, one per channel (grey: 1 or 2 values, colour:
   * 3 or 4); a palette index is looked up. Two decodings agree at full precision when these are equal.
   */
  public static List<Double> levels(BufferedImage image, int x, int y) {
    ColorModel model = image.getColorModel();
    List<Double> out = new ArrayList<>();
    if (model instanceof IndexColorModel p) {
      int i = image.getRaster().getSample(x, y, 0);
      boolean grey = isGreyRamp(p) && !p.hasAlpha();
      out.add(p.getRed(i) / 255.0);
      if (!grey) {
        out.add(p.getGreen(i) / 255.0);
        out.add(p.getBlue(i) / 255.0);
      }
      if (p.hasAlpha()) {
        out.add(p.getAlpha(i) / 255.0);
      }
      return out;
    }
    Raster r = image.getRaster();
    for (int band = 0; band < r.getNumBands(); band++) {
      double max = (1L << model.getComponentSize(band)) - 1;
      out.add(r.getSample(x, y, band) / max);
    }
    return out;
  }

  private static boolean isGreyRamp(IndexColorModel p) {
    for (int i = 0; i < p.getMapSize(); i++) {
      if (p.getRed(i) != p.getGreen(i) || p.getGreen(i) != p.getBlue(i)) {
        return false;
      }
    }
    return true;
  }
}
