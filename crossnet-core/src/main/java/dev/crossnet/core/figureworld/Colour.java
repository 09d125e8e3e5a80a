package dev.crossnet.core.figureworld;

import java.util.Locale;

/** The small named palette figures are painted from; each colour is one caption adjective. */
public enum Colour {
  RED(0xE02020),
  GREEN(0x20B030),
  BLUE(0x2050E0),
  YELLOW(0xF0D020),
  PURPLE(0x9030C0),
  ORANGE(0xF08010),
  WHITE(0xF4F4F4),
  BLACK(0x181818);

  private final int rgb;

  Colour(int rgb) {
    this.rgb = rgb;
  }

  /** The packed 0xRRGGBB value. */
  public int rgb() {
    return rgb;
  }

  /** The caption word, e.g. {@code "red"}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A darker shade, used for far limbs so that overlapping limbs stay readable. */
  int shade() {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    // Black has no darker shade; lighten it instead so far limbs still separate from near ones.
    if (this == BLACK) {
      return 0x404040;
    }
    return ((r * 3 / 4) << 16) | ((g * 3 / 4) << 8) | (b * 3 / 4);
  }
}
