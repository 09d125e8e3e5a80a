package dev.crossnet.api.region;

import java.util.List;

/**
 * Where the object to replace is: a box, a mask or a polygon, in the bedrock's pixel coordinates.
 *
 * <pre>{@code
 * Region r = Region.box(10, 12, 24, 40);              // x, y, width, height
 * Region m = Region.mask(Mask.fromPicture(maskPng));
 * Region p = Region.polygon(List.of(new Point(3, 4), new Point(30, 4), new Point(16, 40)));
 * }</pre>
 */
public sealed interface Region permits Box, MaskRegion, Polygon {

  static Box box(int x, int y, int width, int height) {
    return new Box(x, y, width, height);
  }

  static MaskRegion mask(Mask mask) {
    return new MaskRegion(mask);
  }

  static Polygon polygon(List<Point> vertices) {
    return new Polygon(vertices);
  }

  /**
   * Checks that the region lies inside an image of this size and covers part of it, but not all of it.
   *
   * @throws IllegalArgumentException naming both sizes when it does not fit
   */
  void requireWithin(int imageWidth, int imageHeight);

  /** The region as a hard mask of the image's size. */
  Mask toMask(int imageWidth, int imageHeight);

  /** A pixel position. */
  record Point(double x, double y) {}
}
