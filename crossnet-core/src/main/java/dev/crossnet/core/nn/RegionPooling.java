package dev.crossnet.core.nn;

/**
 * A region's weights at an attention layer's resolution: each cell of an h x w grid over the picture takes the
 * largest weight of the pixels it covers, so a region as small as one pixel still reaches every layer.
 */
public final class RegionPooling {

  private RegionPooling() {}

  /**
   * Pools a [height x width] weight map (row by row) to [h x w].
   *
   * @throws IllegalArgumentException when a side is not positive
   */
  public static float[] pool(float[] weights, int width, int height, int w, int h) {
    if (w < 1 || h < 1 || width < 1 || height < 1 || weights.length != width * height) {
      throw new IllegalArgumentException("cannot pool a " + width + "x" + height + " map of " + weights.length
          + " weights to " + w + "x" + h);
    }
    float[] out = new float[w * h];
    for (int y = 0; y < height; y++) {
      int cy = (int) ((long) y * h / height);
      for (int x = 0; x < width; x++) {
        int cx = (int) ((long) x * w / width);
        float v = weights[y * width + x];
        if (v > out[cy * w + cx]) {
          out[cy * w + cx] = v;
        }
      }
    }
    return out;
  }
}
