package dev.crossnet.core.figureworld;

import java.util.Objects;

/**
 * A relation "subject type target": figure indices into {@link SceneLayout#figures()}, except for
 * {@link RelationType#ON_TOP_OF}, whose target indexes {@link SceneLayout#objects()}.
 */
public record Relation(RelationType type, int subject, int target) {

  public Relation {
    Objects.requireNonNull(type, "type");
    if (subject < 0 || target < 0) {
      throw new IllegalArgumentException("relation indices must be >= 0, got " + subject + " and " + target);
    }
  }
}
