package dev.crossnet.api.edit;

import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.runtime.Runtimes;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import java.util.List;
import java.util.Random;

/**
 * A complete video edit: it can run, or take another region track and subject. Every frame is edited as a picture
 * would be, with the frames tied together by the runtime's video options ({@code video.*}: cross-frame attention,
 * shared noise), so the subject keeps one look and does not flicker.
 */
public final class ReadyVideoEdit extends VideoStage<ReadyVideoEdit> {

  ReadyVideoEdit(Video bedrock, List<TrackReplacement> done, EditSettings settings) {
    super(bedrock, done, settings);
  }

  @Override
  ReadyVideoEdit withSettings(EditSettings newSettings) {
    return new ReadyVideoEdit(bedrock, done, newSettings);
  }

  /** Another region track, for a further subject. */
  public VideoRegionStage replace(RegionTrack track) {
    return new VideoRegionStage(bedrock, done, settings, checkTrack(track));
  }

  /** Another region, the same in every frame, for a further subject. */
  public VideoRegionStage replace(Region region) {
    return replace(RegionTrack.of(region));
  }

  /**
   * The edit as the runtime will receive it, with its sampler checked; the seed is chosen here when none was given.
   *
   * @throws dev.crossnet.api.plugin.UnknownPluginException when no sampler plugin has that name
   */
  public VideoEditRequest request() {
    PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers to the class path")
        .get(settings.sampler());
    long seed = settings.seed().isPresent() ? settings.seed().getAsLong() : new Random().nextLong();
    return new VideoEditRequest(bedrock, done, settings, seed);
  }

  /**
   * Runs the edit on the runtime found on the class path (crossnet-core). The builder is not changed.
   *
   * @throws IllegalStateException when no runtime is on the class path
   */
  public VideoEditResult run() {
    return run(Runtimes.discover());
  }

  /** Runs the edit on the given runtime. */
  public VideoEditResult run(EditRuntime runtime) {
    return runtime.editVideo(request());
  }
}
