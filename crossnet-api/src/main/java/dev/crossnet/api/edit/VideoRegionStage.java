package dev.crossnet.api.edit;

import dev.crossnet.api.subject.Subject;
import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import java.util.ArrayList;
import java.util.List;

/** A video edit whose latest region track waits for its subject. */
public final class VideoRegionStage extends VideoStage<VideoRegionStage> {

  private final RegionTrack track;

  VideoRegionStage(Video bedrock, List<TrackReplacement> done, EditSettings settings, RegionTrack track) {
    super(bedrock, done, settings);
    this.track = track;
  }

  @Override
  VideoRegionStage withSettings(EditSettings newSettings) {
    return new VideoRegionStage(bedrock, done, newSettings, track);
  }

  /** The subject that takes the track's occupant's place in every frame. */
  public ReadyVideoEdit with(Subject subject) {
    SubjectWords.requireNew(subject, done.stream().map(TrackReplacement::subject).toList());
    List<TrackReplacement> all = new ArrayList<>(done);
    all.add(new TrackReplacement(track, subject));
    return new ReadyVideoEdit(bedrock, all, settings);
  }
}
