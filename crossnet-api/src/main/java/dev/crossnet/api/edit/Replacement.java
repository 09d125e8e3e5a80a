package dev.crossnet.api.edit;

import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;

/** One region of the bedrock and the subject that takes its occupant's place. */
public record Replacement(Region region, Subject subject) {

  public Replacement {
    java.util.Objects.requireNonNull(region, "region");
    java.util.Objects.requireNonNull(subject, "subject");
  }
}
