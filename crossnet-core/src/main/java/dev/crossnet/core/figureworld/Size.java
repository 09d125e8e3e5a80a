package dev.crossnet.core.figureworld;

import java.util.Locale;

/** A figure's size; the scale is the height of a standing person of that size, as a share of image height. */
public enum Size {
  SMALL(0.38),
  LARGE(0.50);

  private final double scale;

  Size(double scale) {
    this.scale = scale;
  }

  /** Height of a standing humanoid of this size as a share of the image height. */
  public double scale() {
    return scale;
  }

  /** The caption word, {@code "small"} or {@code "large"}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
