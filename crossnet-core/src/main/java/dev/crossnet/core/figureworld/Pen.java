package dev.crossnet.core.figureworld;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.Map;
import java.util.function.Function;

/** Strokes and shapes in local-unit widths, each drawn as a dark outline first and then its fill. */
final class Pen {
  final Graphics2D g;
  final double u;
  final boolean facingRight;
  final double outline;

  Pen(Graphics2D g, double u, boolean facingRight) {
    this.g = g;
    this.u = u;
    this.facingRight = facingRight;
    // At least one pixel, so that the silhouette separates from the background at 64x64.
    this.outline = Math.max(1.0, u * 0.03);
  }

  /** A horizontal offset in pixels towards the facing side. */
  double dir(double local) {
    return (facingRight ? 1 : -1) * local * u;
  }

  void line(Point2D a, Point2D b, double width, int rgb, int cap) {
    Line2D.Double l = new Line2D.Double(a, b);
    stroke(l, width * u + 2 * outline, FigureRenderer.OUTLINE, cap);
    stroke(l, width * u, rgb, cap);
  }

  void limb(Map<Joint, Point2D.Double> k, Joint a, Joint b, Joint c, double width, int rgb) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(k.get(a).x, k.get(a).y);
    p.lineTo(k.get(b).x, k.get(b).y);
    p.lineTo(k.get(c).x, k.get(c).y);
    stroke(p, width * u + 2 * outline, FigureRenderer.OUTLINE, BasicStroke.CAP_ROUND);
    stroke(p, width * u, rgb, BasicStroke.CAP_ROUND);
  }

  void disc(Point2D c, double radius, int rgb) {
    double r = radius * u;
    fill(new Ellipse2D.Double(c.getX() - r - outline, c.getY() - r - outline, 2 * (r + outline),
        2 * (r + outline)), FigureRenderer.OUTLINE);
    fill(new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r), rgb);
  }

  void polygon(int rgb, double... xy) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      p.lineTo(xy[i], xy[i + 1]);
    }
    p.closePath();
    fill(p, rgb);
  }

  /** A filled shape with an outline drawn around it. */
  void fill(Shape s, int rgb) {
    stroke(s, 2 * outline, FigureRenderer.OUTLINE, BasicStroke.CAP_ROUND);
    fillOnly(s, rgb);
  }

  void fillOnly(Shape s, int rgb) {
    g.setColor(new Color(rgb));
    g.fill(s);
  }

  void rotated(Point2D.Double pivot, double angle, Function<Point2D.Double, Shape> shape,
      int rgb) {
    fill(rotation(angle, pivot).createTransformedShape(shape.apply(pivot)), rgb);
  }

  void rotated(Point2D.Double pivot, double angle, Function<Point2D.Double, Shape> shape,
      int rgb, double width) {
    Shape s = rotation(angle, pivot).createTransformedShape(shape.apply(pivot));
    stroke(s, width * u + 2 * outline, FigureRenderer.OUTLINE, BasicStroke.CAP_BUTT);
    stroke(s, width * u, rgb, BasicStroke.CAP_BUTT);
  }

  void rotatedFillOnly(Point2D.Double pivot, double angle,
      Function<Point2D.Double, Shape> shape, int rgb) {
    fillOnly(rotation(angle, pivot).createTransformedShape(shape.apply(pivot)),
        rgb);
  }

  /**
   * A rotation about a pivot built with {@link StrictMath}: {@code AffineTransform.getRotateInstance} uses
   * {@code Math.sin}, which may differ in the last bit between platforms and so move an edge pixel.
   */
  private static AffineTransform rotation(double angle, Point2D.Double pivot) {
    double c = StrictMath.cos(angle);
    double s = StrictMath.sin(angle);
    return new AffineTransform(c, s, -s, c, pivot.x - c * pivot.x + s * pivot.y, pivot.y - s * pivot.x - c * pivot.y);
  }

  private void stroke(Shape s, double width, int rgb, int cap) {
    g.setColor(new Color(rgb));
    g.setStroke(new BasicStroke((float) width, cap, BasicStroke.JOIN_ROUND));
    g.draw(s);
  }
}
