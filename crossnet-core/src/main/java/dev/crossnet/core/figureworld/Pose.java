package dev.crossnet.core.figureworld;

import java.util.Locale;

/** What a figure is doing. Each pose is one caption verb; {@link FigureKind#poses()} says which a kind can do. */
public enum Pose {
  STANDING(false),
  WAVING(true),
  /** Both arms raised; the caption verb is {@code "cheering"} so that every pose is one word. */
  CHEERING(false),
  POINTING(false),
  SITTING(false),
  LYING(false),
  WALKING(true),
  JUMPING(true),
  /** Birds only: wings flapping above the ground. */
  FLYING(true);

  private final boolean moving;

  Pose(boolean moving) {
    this.moving = moving;
  }

  /** The caption word, e.g. {@code "waving"}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the skeleton changes over a clip's frames (walking also moves the figure along the ground). */
  public boolean moving() {
    return moving;
  }
}
