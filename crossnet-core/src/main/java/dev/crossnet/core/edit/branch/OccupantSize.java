package dev.crossnet.core.edit.branch;

import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.core.edit.EditContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The motion branch's {@code scale} option: whether the occupant's structure is rescaled to the subject's size
 * before it guides the edit: the ratio of the subject's height to the occupant's, as the edit's reader reads them.
 * {@code read} always reads; {@code none} never does; {@code auto} (the default) reads where the pose is read too
 * (see {@link OccupantPose}): on a model the edit has a reader for, for subjects whose rows the image encoder
 * makes. Without it a large subject put in place of a
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
      SubjectReading subject = occupants.subject(i);
      OccupantReading occupant = occupants.of(i);
      double ratio = subject.heightOver(occupant);
      out.put(word, ratio);
      record.put("scale." + word, String.format(Locale.ROOT, "%s subject, %s occupant: %.3f",
          subject.size(), occupant.size(), ratio));
    }
    record.put("scale", out.isEmpty() ? "not read (" + value + ")" : "read by the " + c.reader().name()
        + " reader");
    return out;
  }
}
