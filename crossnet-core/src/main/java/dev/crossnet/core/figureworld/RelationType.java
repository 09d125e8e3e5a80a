package dev.crossnet.core.figureworld;

/** How two things in a scene relate; the caption words join the two phrases. */
public enum RelationType {
  /** Side by side on the same ground line. */
  NEXT_TO("next to"),
  /** The subject stands further back: higher, smaller, drawn first and so partly hidden. */
  BEHIND("behind"),
  /** Both figures turned towards each other. */
  FACING("facing"),
  /** Two humanoids of one size side by side, the inner hands joined. */
  HOLDING_HANDS("holding hands with"),
  /** The subject stands on a box or table; the target is an object index, not a figure index. */
  ON_TOP_OF("on top of");

  private final String words;

  RelationType(String words) {
    this.words = words;
  }

  /** The caption words, e.g. {@code "holding hands with"}. */
  public String words() {
    return words;
  }
}
