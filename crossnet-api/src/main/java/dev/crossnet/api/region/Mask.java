package dev.crossnet.api.region;

import dev.crossnet.api.image.Picture;
import java.util.Arrays;

/**
 * An immutable soft mask: one weight in [0, 1] per pixel, 1 meaning "inside".
 */
public final class Mask {

  private final int width;
  private final int height;
  private final float[] weights;

  private Mask(int width, int height, float[] weights) {
    this.width = width;
    this.height = height;
    this.weights = weights;
  }

  /** A mask of weights in [0, 1], row by row (the array is copied). */
  public static Mask of(int width, int height, float[] weights) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a mask needs a positive size, got " + width + "x" + height);
    }
    if (weights.length != width * height) {
      throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + width * height
          + " weights, got " + weights.length);
    }
    for (int i = 0; i < weights.length; i++) {
      float w = weights[i];
      if (!(w >= 0f && w <= 1f)) {
        throw new IllegalArgumentException("mask weight at pixel (" + (i % width) + ", " + (i / width)
            + ") is " + w + "; weights must lie in [0, 1]");
      }
    }
    return new Mask(width, height, weights.clone());
  }

  /** A hard mask from booleans. */
  public static Mask of(int width, int height, boolean[] inside) {
    float[] w = new float[inside.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = inside[i] ? 1f : 0f;
    }
    return of(width, height, w);
  }

  /** A mask from a picture's brightness: white is inside, black outside (e.g. a mask PNG). */
  public static Mask fromPicture(Picture picture) {
    int w = picture.width();
    int h = picture.height();
    float[] weights = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = picture.rgb(x, y);
        int sum = ((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF);
        weights[y * w + x] = sum / (3f * 255f);
      }
    }
    return new Mask(w, h, weights);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public float weight(int x, int y) {
    return weights[y * width + x];
  }

  public float[] weights() {
    return weights.clone();
  }

  /** The share of the area inside the mask, in [0, 1]. */
  public double coverage() {
    double sum = 0;
    for (float w : weights) {
      sum += w;
    }
    return sum / weights.length;
  }

  /** The smallest box holding every pixel with a weight above zero, or empty when there is none. */
  public java.util.Optional<Box> bounds() {
    int minX = width;
    int minY = height;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (weights[y * width + x] > 0f) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Box(minX, minY, maxX - minX + 1, maxY - minY + 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mask m && m.width == width && m.height == height && Arrays.equals(m.weights, weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Mask[" + width + "x" + height + ", coverage " + String.format(java.util.Locale.ROOT, "%.3f", coverage()) + "]";
  }
}
