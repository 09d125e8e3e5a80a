package dev.crossnet.api.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import java.util.List;
import java.util.Objects;

/**
 * A stage of the fluent edit of a picture: its bedrock, the replacements given so far and the shared options.
 * Stages are immutable: each call returns a new stage, so a partly built edit can be reused as a template.
 *
 * @param <SELF> the concrete stage, so options chain without losing it
 */
public abstract class EditStage<SELF extends EditStage<SELF>> extends SettingsStage<SELF> {

  final Picture bedrock;
  final List<Replacement> done;

  EditStage(Picture bedrock, List<Replacement> done, EditSettings settings) {
    super(settings);
    this.bedrock = Objects.requireNonNull(bedrock, "bedrock");
    this.done = List.copyOf(done);
  }

  Region checkRegion(Region region) {
    Objects.requireNonNull(region, "region");
    region.requireWithin(bedrock.width(), bedrock.height());
    return region;
  }
}
