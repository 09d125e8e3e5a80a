package dev.crossnet.api.edit;

import dev.crossnet.api.image.Picture;
import java.util.List;

/**
 * A complete, validated edit as the runtime receives it: the bedrock, one replacement per region, the
 * settings, and the seed actually used (chosen when the caller gave none).
 */
public record EditRequest(Picture bedrock, List<Replacement> replacements, EditSettings settings, long seed) {

  public EditRequest {
    replacements = List.copyOf(replacements);
    if (replacements.isEmpty()) {
      throw new IllegalArgumentException("an edit needs at least one region and subject");
    }
  }
}
