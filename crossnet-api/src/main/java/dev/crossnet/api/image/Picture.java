package dev.crossnet.api.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable 8-bit RGB image. Alpha, if the source had any, is dropped; use a {@link
 * dev.crossnet.api.region.Mask} to say which pixels matter.
 */
public final class Picture {

  private final int width;
  private final int height;
  private final int[] rgb;

  private Picture(int width, int height, int[] rgb) {
    this.width = width;
    this.height = height;
    this.rgb = rgb;
  }

  /** A picture of packed 0xRRGGBB pixels, row by row (the array is copied). */
  public static Picture ofRgb(int width, int height, int[] rgb) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a picture needs a positive size, got " + width + "x" + height);
    }
    if (rgb.length != width * height) {
      throw new IllegalArgumentException("a " + width + "x" + height + " picture needs " + width * height
          + " pixels, got " + rgb.length);
    }
    int[] copy = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      copy[i] = rgb[i] & 0xFFFFFF;
    }
    return new Picture(width, height, copy);
  }

  /**
   * A copy of a {@link BufferedImage} of any type. Grey levels are taken as they are (a grey of 32 becomes
   * 0x202020), samples of more than 8 bits are rounded to 8.
   */
  public static Picture of(BufferedImage image) {
    return new Picture(image.getWidth(), image.getHeight(), SampleScaling.rgb8(image));
  }

  /**
   * Reads a PNG, JPEG, BMP or GIF file. To write an edit back without touching the file's other pixels, read it
   * with {@link ImageFile#read(Path)} instead.
   *
   * @throws IOException naming the file when it is missing, not an image, or damaged or truncated
   */
  public static Picture read(Path file) throws IOException {
    return ImageFile.read(file).picture();
  }

  /** A picture filled with one colour. */
  public static Picture filled(int width, int height, int rgb) {
    int[] px = new int[width * height];
    Arrays.fill(px, rgb & 0xFFFFFF);
    return ofRgb(width, height, px);
  }

  /**
   * A picture from planar float channels in [0, 1] (CHW, 3 channels); values are clamped and rounded.
   */
  public static Picture fromChw(int width, int height, float[] chw) {
    int n = width * height;
    if (chw.length != 3 * n) {
      throw new IllegalArgumentException("expected 3x" + height + "x" + width + " = " + 3 * n
          + " values, got " + chw.length);
    }
    int[] px = new int[n];
    for (int i = 0; i < n; i++) {
      px[i] = (toByte(chw[i]) << 16) | (toByte(chw[n + i]) << 8) | toByte(chw[2 * n + i]);
    }
    return new Picture(width, height, px);
  }

  private static int toByte(float v) {
    float c = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
    return Math.round(c * 255f);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The packed 0xRRGGBB pixel at (x, y). */
  public int rgb(int x, int y) {
    return rgb[y * width + x];
  }

  /** A copy of the packed pixels, row by row. */
  public int[] rgbPixels() {
    return rgb.clone();
  }

  /** Planar float channels in [0, 1]: red plane, green plane, blue plane. */
  public float[] toChw() {
    int n = width * height;
    float[] out = new float[3 * n];
    for (int i = 0; i < n; i++) {
      int p = rgb[i];
      out[i] = ((p >> 16) & 0xFF) / 255f;
      out[n + i] = ((p >> 8) & 0xFF) / 255f;
      out[2 * n + i] = (p & 0xFF) / 255f;
    }
    return out;
  }

  public BufferedImage toBufferedImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, rgb, 0, width);
    return image;
  }

  /**
   * Writes the picture atomically (a temporary file in the same folder, then a move), so a reader never
   * sees half a file. The format follows the extension: png (default), bmp, jpg.
   */
  public void write(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String format = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpg" : name.endsWith(".bmp") ? "bmp" : "png";
    ImageFiles.writeAtomically(toBufferedImage(), format, file);
  }

  /** Same as {@link #write(Path)} but unchecked, for fluent code. */
  public Picture writeUnchecked(Path file) {
    try {
      write(file);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Picture p && p.width == width && p.height == height && Arrays.equals(p.rgb, rgb);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(rgb);
  }

  @Override
  public String toString() {
    return "Picture[" + width + "x" + height + "]";
  }
}
