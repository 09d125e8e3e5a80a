package dev.crossnet.core.edit.branch;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.encoder.FigureWorldJudgeEncoder;
import dev.crossnet.core.edit.encoder.FigureWorldPoseReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the FigureWorld judge reads of every region's occupant (its pose, size and kind), read for all regions in
 * one pass on first use and then kept, and of each replacement's subject (its likeliest kind, size, ...), read once
 * per subject; so the motion branch's pose words, size ratios and kinds share one reading of each.
 */
final class OccupantReadings {

  private final EditContext context;
  private List<FigureWorldPoseReader.Reading> readings;
  private final Map<Integer, Map<String, String>> subjects = new HashMap<>();

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

  /**
   * The likeliest class of every figure head of the judge ({@code "kind"}, {@code "size"}, ...) for replacement
   * {@code index}'s subject, read from its pictures.
   *
   * @throws IllegalArgumentException when the subject has no pictures
   */
  Map<String, String> subject(int index) {
    return subjects.computeIfAbsent(index, i -> FigureWorldJudgeEncoder.likeliest(
        context.request().replacements().get(i).subject(), context.figureWorldJudge(), context.manager()));
  }
}
