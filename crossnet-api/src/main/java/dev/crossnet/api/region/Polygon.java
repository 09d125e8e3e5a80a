package dev.crossnet.api.region;

import java.util.List;

/** A closed polygon; pixels whose centres lie inside (even-odd rule) belong to the region. */
public record Polygon(List<Region.Point> vertices) implements Region {

  public Polygon {
    vertices = List.copyOf(vertices);
    if (vertices.size() < 3) {
      throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + vertices.size());
    }
  }

  @Override
  public void requireWithin(int imageWidth, int imageHeight) {
    for (Region.Point p : vertices) {
      if (p.x() < 0 || p.y() < 0 || p.x() > imageWidth || p.y() > imageHeight) {
        throw new IllegalArgumentException("region polygon vertex (" + p.x() + ", " + p.y()
            + ") lies outside the " + imageWidth + "x" + imageHeight + " bedrock; keep every vertex inside");
      }
    }
    new MaskRegion(rasterize(imageWidth, imageHeight)).requireWithin(imageWidth, imageHeight);
  }

  @Override
  public Mask toMask(int imageWidth, int imageHeight) {
    return rasterize(imageWidth, imageHeight);
  }

  private Mask rasterize(int w, int h) {
    boolean[] inside = new boolean[w * h];
    int n = vertices.size();
    for (int y = 0; y < h; y++) {
      double cy = y + 0.5;
      for (int x = 0; x < w; x++) {
        double cx = x + 0.5;
        boolean in = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
          Region.Point a = vertices.get(i);
          Region.Point b = vertices.get(j);
          if ((a.y() > cy) != (b.y() > cy)
              && cx < (b.x() - a.x()) * (cy - a.y()) / (b.y() - a.y()) + a.x()) {
            in = !in;
          }
        }
        inside[y * w + x] = in;
      }
    }
    return Mask.of(w, h, inside);
  }
}
