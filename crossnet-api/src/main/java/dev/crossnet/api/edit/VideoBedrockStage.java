package dev.crossnet.api.edit;

import dev.crossnet.api.region.Region;
import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import java.util.List;

/** A video edit that has its bedrock clip and waits for the first region track. */
public final class VideoBedrockStage extends VideoStage<VideoBedrockStage> {

  VideoBedrockStage(Video bedrock, List<TrackReplacement> done, EditSettings settings) {
    super(bedrock, done, settings);
  }

  @Override
  VideoBedrockStage withSettings(EditSettings newSettings) {
    return new VideoBedrockStage(bedrock, done, newSettings);
  }

  /**
   * Where the occupant to replace is in each frame.
   *
   * @throws IllegalArgumentException naming the frame when a region lies outside it, covers nothing or covers it all,
   *     or when a per-frame track does not have one region per frame
   */
  public VideoRegionStage replace(RegionTrack track) {
    return new VideoRegionStage(bedrock, done, settings, checkTrack(track));
  }

  /** The same region in every frame. */
  public VideoRegionStage replace(Region region) {
    return replace(RegionTrack.of(region));
  }
}
