package dev.crossnet.core.edit.branch;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.edit.EditContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the edit's reader reads of every region's occupant (its action, size and kind), read for all regions in one
 * pass on first use and then kept, and of each replacement's subject, read once per subject; so the motion branch's
 * action words, size ratios and kinds share one reading of each.
 */
final class OccupantReadings {

  private final EditContext context;
  private final String needs;
  private List<OccupantReading> readings;
  private final Map<Integer, SubjectReading> subjects = new HashMap<>();

  /** @param needs the option that asks for readings, for the error when the edit has no reader */
  OccupantReadings(EditContext context, String needs) {
    this.context = context;
    this.needs = needs;
  }

  /** The reading of replacement {@code index}'s occupant. */
  OccupantReading of(int index) {
    if (readings == null) {
      Picture bedrock = context.request().bedrock();
      List<Mask> regions = context.request().replacements().stream()
          .map(Replacement::region).map(r -> r.toMask(bedrock.width(), bedrock.height())).toList();
      readings = reader().occupants(bedrock, regions);
    }
    return readings.get(index);
  }

  /**
   * Replacement {@code index}'s subject, read from its pictures.
   *
   * @throws IllegalArgumentException when the subject has no pictures
   */
  SubjectReading subject(int index) {
    return subjects.computeIfAbsent(index, i -> reader().subject(context.request().replacements().get(i).subject()));
  }

  /** The edit's reader, opened on first use. */
  SceneReader reader() {
    return context.reader().get(needs);
  }
}
