package dev.crossnet.core.figureworld;

import dev.crossnet.api.region.Region;

/**
 * Where and how a figure stands in a scene, in shares of the image size so that a scene renders at any
 * resolution: the point on the ground under it, which way it faces, a depth factor (figures further back are
 * drawn smaller), and for a figure holding hands the point its hand must reach (or null).
 *
 * @param x ground point, share of the image width
 * @param y ground point, share of the image height
 * @param facingRight whether the figure faces towards larger x
 * @param depth scale factor on the figure's size (1 in front, below 1 further back)
 * @param handTarget where one hand reaches, in shares of width and height, or null
 */
public record Placement(double x, double y, boolean facingRight, double depth, Region.Point handTarget) {

  public Placement {
    if (!(depth > 0)) {
      throw new IllegalArgumentException("placement depth must be positive, got " + depth);
    }
  }

  /** This placement moved along the ground by dx (share of width); a hand target moves with it. */
  public Placement shifted(double dx) {
    Region.Point t = handTarget == null ? null : new Region.Point(handTarget.x() + dx, handTarget.y());
    return new Placement(x + dx, y, facingRight, depth, t);
  }
}
