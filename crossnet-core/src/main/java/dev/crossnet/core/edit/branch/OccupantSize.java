package dev.crossnet.core.edit.branch;

import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.encoder.FigureWorldSizeRatio;
import dev.crossnet.core.judge.FigureWorldJudge;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The motion branch's {@code scale} option: whether the occupant's structure is rescaled to the subject's size
 * before it guides the edit, read by {@link FigureWorldSizeRatio}. {@code judge} always reads; {@code none} never
 * does; {@code auto} (the default) reads where the pose is read too (see {@link OccupantPose}): on the embedded
 * default model, for subjects whose rows the image encoder makes. Without it a large subject put in place of a
 * small occupant is held to the occupant's outline, and FigureWorld's edit benchmark read the wrong size, and then
 * the wrong kind, in most such cases.
 */
final class OccupantSize {

  private OccupantSize() {}

  /**
   * Subject word to size ratio (subject over occupant) for every replacement whose sizes are read; records what
   * was read under {@code scale} and {@code scale.<word>}.
   */
  static Map<String, Double> ratios(EditContext c, OccupantReadings occupants, Map<String, String> record) {
    String value = OccupantPose.option(c, "scale", "the sizes");
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i : OccupantPose.chosenWithPictures(c, value)) {
      String word = c.request().replacements().get(i).subject().word();
      FigureWorldSizeRatio.Reading sizes = new FigureWorldSizeRatio.Reading(
          occupants.subject(i).get(FigureWorldJudge.SIZE), occupants.of(i).size());
      out.put(word, sizes.ratio());
      record.put("scale." + word, String.format(Locale.ROOT, "%s subject, %s occupant: %.3f",
          sizes.subjectSize(), sizes.occupantSize(), sizes.ratio()));
    }
    record.put("scale", out.isEmpty() ? "not read (" + value + ")" : "read by the FigureWorld judge");
    return out;
  }
}
