package dev.crossnet.api.region;

/** An axis-aligned box: top-left corner (x, y) and size, in pixels. */
public record Box(int x, int y, int width, int height) implements Region {

  public Box {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a box needs a positive size, got " + width + "x" + height
          + "; give width and height in pixels (x, y, width, height)");
    }
  }

  @Override
  public void requireWithin(int imageWidth, int imageHeight) {
    if (x < 0 || y < 0 || x + width > imageWidth || y + height > imageHeight) {
      throw new IllegalArgumentException("region box (x " + x + ", y " + y + ", " + width + "x" + height
          + ", reaching to " + (x + width) + ", " + (y + height) + ") lies outside the " + imageWidth + "x"
          + imageHeight + " bedrock; move or shrink the box so that it fits");
    }
    if (width == imageWidth && height == imageHeight) {
      throw new IllegalArgumentException("region box covers the whole " + imageWidth + "x" + imageHeight
          + " bedrock, so nothing would be kept; use a smaller region (or plain text-to-image)");
    }
  }

  @Override
  public Mask toMask(int imageWidth, int imageHeight) {
    float[] w = new float[imageWidth * imageHeight];
    for (int yy = Math.max(0, y); yy < Math.min(imageHeight, y + height); yy++) {
      for (int xx = Math.max(0, x); xx < Math.min(imageWidth, x + width); xx++) {
        w[yy * imageWidth + xx] = 1f;
      }
    }
    return Mask.of(imageWidth, imageHeight, w);
  }

  /** The box's area in pixels. */
  public int area() {
    return width * height;
  }
}
