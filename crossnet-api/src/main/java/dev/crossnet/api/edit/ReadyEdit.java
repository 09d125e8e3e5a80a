package dev.crossnet.api.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.runtime.Runtimes;
import dev.crossnet.api.sampler.SamplerProvider;
import java.util.List;
import java.util.Random;

/** A complete edit: it can run, or take another region and subject. */
public final class ReadyEdit extends EditStage<ReadyEdit> {

  ReadyEdit(Picture bedrock, List<Replacement> done, EditSettings settings) {
    super(bedrock, done, settings);
  }

  @Override
  ReadyEdit withSettings(EditSettings newSettings) {
    return new ReadyEdit(bedrock, done, newSettings);
  }

  /** Another region, for a further subject. */
  public RegionStage replace(Region region) {
    return new RegionStage(bedrock, done, settings, checkRegion(region));
  }

  /**
   * The edit as the runtime will receive it, with its sampler checked; the seed is chosen here when none was
   * given.
   *
   * @throws dev.crossnet.api.plugin.UnknownPluginException when no sampler plugin has that name
   */
  public EditRequest request() {
    PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers to the class path")
        .get(settings.sampler());
    long seed = settings.seed().isPresent() ? settings.seed().getAsLong() : new Random().nextLong();
    return new EditRequest(bedrock, done, settings, seed);
  }

  /**
   * Runs the edit on the runtime found on the class path (crossnet-core). The builder is not changed, so
   * the same edit can run again, e.g. with another seed.
   *
   * @throws dev.crossnet.api.plugin.UnknownPluginException when the sampler is unknown (the message lists
   *     the known ones)
   * @throws IllegalStateException when no runtime is on the class path
   */
  public EditResult run() {
    return run(Runtimes.discover());
  }

  /** Runs the edit on the given runtime (explicit configuration beats discovery). */
  public EditResult run(EditRuntime runtime) {
    return runtime.edit(request());
  }
}
