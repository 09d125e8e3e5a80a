package dev.crossnet.core.figureworld;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/** Small props placed on the ground; a box or table can carry a figure ({@link RelationType#ON_TOP_OF}). */
public enum ObjectKind {
  TREE(0.55),
  BOX(0.16),
  TABLE(0.18),
  BALL(0.08),
  LAMP(0.45);

  private final double height;

  ObjectKind(double height) {
    this.height = height;
  }

  /** The caption noun, e.g. {@code "tree"}. */
  public String noun() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Height as a share of the image height; a figure on top of the object stands this far above the ground. */
  public double height() {
    return height;
  }

  /** Whether a figure can stand on it. */
  public boolean carries() {
    return this == BOX || this == TABLE;
  }

  /** Draws the object standing on ground point (x, y), both in pixels; h is the image height. */
  void draw(Graphics2D g, double x, double y, int imageHeight) {
    double s = height * imageHeight;
    switch (this) {
      case TREE -> {
        fill(g, 0x6B4423, new Rectangle2D.Double(x - 0.08 * s, y - 0.5 * s, 0.16 * s, 0.5 * s));
        fill(g, 0x2E7D32, new Ellipse2D.Double(x - 0.32 * s, y - s, 0.64 * s, 0.62 * s));
      }
      case BOX -> {
        fill(g, 0x5A3A1A, new Rectangle2D.Double(x - 0.55 * s, y - s, 1.1 * s, s));
        fill(g, 0xC08A50, new Rectangle2D.Double(x - 0.55 * s + 1, y - s + 1, 1.1 * s - 2, s - 2));
      }
      case TABLE -> {
        fill(g, 0x5A3A1A, new Rectangle2D.Double(x - 0.9 * s, y - s, 1.8 * s, 0.22 * s));
        fill(g, 0x5A3A1A, new Rectangle2D.Double(x - 0.8 * s, y - s, 0.18 * s, s));
        fill(g, 0x5A3A1A, new Rectangle2D.Double(x + 0.62 * s, y - s, 0.18 * s, s));
      }
      case BALL -> {
        fill(g, 0x303030, new Ellipse2D.Double(x - 0.5 * s - 1, y - s - 1, s + 2, s + 2));
        fill(g, 0xFF70B0, new Ellipse2D.Double(x - 0.5 * s, y - s, s, s));
      }
      case LAMP -> {
        fill(g, 0x404040, new Rectangle2D.Double(x - 0.03 * s, y - 0.8 * s, 0.06 * s, 0.8 * s));
        fill(g, 0x404040, new Rectangle2D.Double(x - 0.15 * s, y - 0.04 * s, 0.3 * s, 0.04 * s));
        fill(g, 0xFFF0B0, new Rectangle2D.Double(x - 0.15 * s, y - s, 0.3 * s, 0.22 * s));
      }
      default -> throw new IllegalStateException("undrawn object " + this);
    }
  }

  private static void fill(Graphics2D g, int rgb, java.awt.Shape s) {
    g.setColor(new Color(rgb));
    g.fill(s);
  }
}
