package dev.crossnet.core.figureworld;

import java.util.Objects;

/**
 * What a figure is, independent of where it stands: its kind, appearance and pose. This is the part an edit
 * swaps; the {@link Placement} stays.
 */
public record Figure(FigureKind kind, Appearance appearance, Pose pose) {

  public Figure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(appearance, "appearance");
    Objects.requireNonNull(pose, "pose");
    if (!kind.poses().contains(pose)) {
      throw new IllegalArgumentException("a " + kind.noun() + " cannot be " + pose.word() + "; use one of "
          + kind.poses() + " (FigureKind.closest(pose) picks the nearest)");
    }
  }

  /** This figure with another kind and appearance, keeping the pose (or the new kind's closest pose). */
  public Figure swap(FigureKind newKind, Appearance newAppearance) {
    return new Figure(newKind, newAppearance, newKind.closest(pose));
  }
}
