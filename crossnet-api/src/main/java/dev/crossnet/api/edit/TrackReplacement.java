package dev.crossnet.api.edit;

import dev.crossnet.api.subject.Subject;
import dev.crossnet.api.video.RegionTrack;
import java.util.Objects;

/** One region track of a video and the subject that takes its occupant's place in every frame. */
public record TrackReplacement(RegionTrack track, Subject subject) {

  public TrackReplacement {
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(subject, "subject");
  }

  /** This replacement in frame {@code frame}: the track's region there and the same subject. */
  public Replacement at(int frame) {
    return new Replacement(track.at(frame), subject);
  }
}
