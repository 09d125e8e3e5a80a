package dev.crossnet.api.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import java.util.List;

/** An edit that has its bedrock and waits for the first region. */
public final class BedrockStage extends EditStage<BedrockStage> {

  BedrockStage(Picture bedrock, List<Replacement> done, EditSettings settings) {
    super(bedrock, done, settings);
  }

  @Override
  BedrockStage withSettings(EditSettings newSettings) {
    return new BedrockStage(bedrock, done, newSettings);
  }

  /**
   * The region whose occupant is replaced.
   *
   * @throws IllegalArgumentException when it lies outside the bedrock, covers nothing or covers everything
   */
  public RegionStage replace(Region region) {
    return new RegionStage(bedrock, done, settings, checkRegion(region));
  }
}
