package dev.crossnet.api.edit;

import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import java.util.List;
import java.util.Objects;

/**
 * A stage of the fluent edit of a video: its bedrock clip, the track replacements given so far and the shared
 * options. Stages are immutable, as those of a picture's edit.
 *
 * @param <SELF> the concrete stage, so options chain without losing it
 */
public abstract class VideoStage<SELF extends VideoStage<SELF>> extends SettingsStage<SELF> {

  final Video bedrock;
  final List<TrackReplacement> done;

  VideoStage(Video bedrock, List<TrackReplacement> done, EditSettings settings) {
    super(settings);
    this.bedrock = Objects.requireNonNull(bedrock, "bedrock");
    this.done = List.copyOf(done);
  }

  RegionTrack checkTrack(RegionTrack track) {
    Objects.requireNonNull(track, "track");
    track.requireFits(bedrock.frameCount(), bedrock.width(), bedrock.height());
    return track;
  }
}
