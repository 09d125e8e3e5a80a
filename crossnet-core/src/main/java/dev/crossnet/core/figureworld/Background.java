package dev.crossnet.core.figureworld;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/** Where a scene takes place; each background is painted from flat colour bands split at a horizon. */
public enum Background {
  /** Outdoor: sky above grass. */
  PARK("in", "park", List.of(ObjectKind.TREE, ObjectKind.BALL, ObjectKind.BOX)),
  /** Indoor: a wall above a wooden floor. */
  ROOM("in", "room", List.of(ObjectKind.TABLE, ObjectKind.LAMP, ObjectKind.BOX, ObjectKind.BALL)),
  /** Sky, a strip of sea, and sand. */
  BEACH("on", "beach", List.of(ObjectKind.BALL, ObjectKind.BOX));

  private final String preposition;
  private final String noun;
  private final List<ObjectKind> objects;

  Background(String preposition, String noun, List<ObjectKind> objects) {
    this.preposition = preposition;
    this.noun = noun;
    this.objects = objects;
  }

  /** The caption words that end a caption, e.g. {@code "in a park"}. */
  public String phrase() {
    return preposition + " a " + noun;
  }

  /** The preposition of {@link #phrase()}. */
  public String preposition() {
    return preposition;
  }

  /** The caption noun, e.g. {@code "park"}. */
  public String noun() {
    return noun;
  }

  /** The kinds of object this background may hold. */
  public List<ObjectKind> objects() {
    return objects;
  }

  /** Paints the whole image; horizon is a share of the height. */
  void paint(Graphics2D g, int width, int height, double horizon) {
    int h = (int) Math.round(horizon * height);
    switch (this) {
      case PARK -> {
        band(g, 0x8CCBF0, 0, h, width);
        band(g, 0x6FA84A, h, height, width);
      }
      case ROOM -> {
        band(g, 0xE4D6B8, 0, h, width);
        band(g, 0x9A7050, h, height, width);
        band(g, 0xF8F0E0, h - Math.max(1, height / 40), h, width);
      }
      case BEACH -> {
        int sea = h - Math.max(2, height / 10);
        band(g, 0x9AD4F5, 0, sea, width);
        band(g, 0x2E78B8, sea, h, width);
        band(g, 0xEAD7A0, h, height, width);
      }
      default -> throw new IllegalStateException("unpainted background " + this);
    }
  }

  private static void band(Graphics2D g, int rgb, int top, int bottom, int width) {
    g.setColor(new Color(rgb));
    g.fillRect(0, top, width, Math.max(0, bottom - top));
  }
}
