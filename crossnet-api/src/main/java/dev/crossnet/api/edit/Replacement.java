package dev.crossnet.api.edit;

import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import java.util.Objects;

/**
 * One region of the bedrock and the subject that takes its occupant's place, drawn {@code count} times side by
 * side in the region (1: the subject takes the occupant's place, keeping its position and pose; more: the region
 * is split into that many columns and the subject drawn afresh in each, so the region holds that many of it).
 */
public record Replacement(Region region, Subject subject, int count) {

  /** The most instances one region may be asked to hold. */
  public static final int MAX_COUNT = 16;

  public Replacement {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(subject, "subject");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("the count of subject " + subject.word() + " in region " + region + " is "
          + count + "; ask for 1 to " + MAX_COUNT + " instances (1 replaces the occupant)");
    }
  }

  /** The subject in the occupant's place, once. */
  public Replacement(Region region, Subject subject) {
    this(region, subject, 1);
  }
}
