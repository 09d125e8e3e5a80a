package dev.crossnet.api.edit;

import dev.crossnet.api.video.Video;
import java.util.List;

/**
 * A complete, validated video edit as the runtime receives it: the bedrock clip, one replacement per region
 * track, the settings, and the seed actually used (chosen when the caller gave none).
 */
public record VideoEditRequest(Video bedrock, List<TrackReplacement> replacements, EditSettings settings,
    long seed) {

  public VideoEditRequest {
    replacements = List.copyOf(replacements);
    if (replacements.isEmpty()) {
      throw new IllegalArgumentException("a video edit needs at least one region track and subject");
    }
    for (TrackReplacement r : replacements) {
      r.track().requireFits(bedrock.frameCount(), bedrock.width(), bedrock.height());
    }
  }

  /** The image edit of frame {@code frame}: that frame, each track's region there, the same settings. */
  public EditRequest frame(int frame, long frameSeed) {
    return new EditRequest(bedrock.frame(frame), replacements.stream().map(r -> r.at(frame)).toList(), settings,
        frameSeed);
  }
}
