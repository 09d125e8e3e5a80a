package dev.crossnet.core.edit.branch;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.encoder.FigureWorldPoseReader;
import java.util.List;

/**
 * What the FigureWorld judge reads of every region's occupant (its pose and its size), read for all regions in
 * one pass on first use and then kept, so the motion branch's pose words and size ratios share one reading.
 */
final class OccupantReadings {

  private final EditContext context;
  private List<FigureWorldPoseReader.Reading> readings;

  OccupantReadings(EditContext context) {
    this.context = context;
  }

  /** The reading of replacement {@code index}'s occupant. */
  FigureWorldPoseReader.Reading of(int index) {
    if (readings == null) {
      Picture bedrock = context.request().bedrock();
      List<Mask> regions = context.request().replacements().stream()
          .map(Replacement::region).map(r -> r.toMask(bedrock.width(), bedrock.height())).toList();
      readings = new FigureWorldPoseReader(context.figureWorldJudge()).read(bedrock, regions, context.manager());
    }
    return readings.get(index);
  }
}
