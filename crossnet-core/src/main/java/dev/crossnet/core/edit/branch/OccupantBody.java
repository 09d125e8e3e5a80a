package dev.crossnet.core.edit.branch;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.core.edit.EditContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The motion branch's {@code body} option: whether the subject's kind and the occupant's are read, so that a
 * subject whose skeleton is unlike the occupant's (a dog in place of a robot) is redrawn in its region from more
 * noise than the rest of the edit (the branch's {@code unlike-strength}), and every subject whose kind is read is
 * asked for its own kind's version of the occupant's pose ({@link OccupantPose}). Skeletons are the edit's
 * reader's. {@code read} always reads; {@code none} never does; {@code auto} (the default) reads where the pose is
 * read (see {@link OccupantPose}): on a model the edit has a reader for, for subjects whose rows the image encoder
 * makes.
 */
final class OccupantBody {

  /**
   * The two kinds of one replacement.
   *
   * @param subject the subject, read from its pictures
   * @param occupant the occupant, read from the bedrock
   */
  record Kinds(SubjectReading subject, OccupantReading occupant) {

    /** Whether the two have unlike skeletons, so the occupant's outline does not fit the subject. */
    boolean unlike() {
      return subject.unlike(occupant);
    }
  }

  private OccupantBody() {}

  /**
   * Subject word to the two kinds for every replacement whose kinds are read; records what was read under
   * {@code body} and {@code body.<word>}.
   */
  static Map<String, Kinds> kinds(EditContext c, OccupantReadings occupants, Map<String, String> record) {
    String value = OccupantPose.option(c, "body", "the subject's and the occupant's kinds");
    Map<String, Kinds> out = new LinkedHashMap<>();
    for (int i : OccupantPose.chosenWithPictures(c, value)) {
      String word = c.request().replacements().get(i).subject().word();
      Kinds kinds = new Kinds(occupants.subject(i), occupants.of(i));
      out.put(word, kinds);
      record.put("body." + word, kinds.subject().kind() + " subject, " + kinds.occupant().kind()
          + " occupant: " + (kinds.unlike() ? "unlike skeletons" : "one skeleton"));
    }
    record.put("body", out.isEmpty() ? "not read (" + value + ")" : "read by the " + c.reader().name()
        + " reader");
    return out;
  }

  /** The indices of the replacements whose subject's skeleton is unlike the occupant's, as {@code kinds} read them. */
  static List<Integer> unlike(EditContext c, Map<String, Kinds> kinds) {
    List<Integer> out = new ArrayList<>();
    List<Replacement> replacements = c.request().replacements();
    for (int i = 0; i < replacements.size(); i++) {
      Kinds k = kinds.get(replacements.get(i).subject().word());
      if (k != null && k.unlike()) {
        out.add(i);
      }
    }
    return out;
  }
}
