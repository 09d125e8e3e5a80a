package dev.crossnet.core.edit.branch;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.judge.FigureWorldJudge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The motion branch's {@code body} option: whether the subject's kind and the occupant's are read, so that a
 * subject whose skeleton is unlike the occupant's (a dog in place of a robot) is redrawn in its region from more
 * noise than the rest of the edit (the branch's {@code unlike-strength}), and every subject whose kind is read is
 * asked for its own kind's version of the occupant's pose ({@link OccupantPose}). {@code judge} always reads;
 * {@code none} never does; {@code auto} (the default) reads where the pose is read (see {@link OccupantPose}): on
 * the embedded default model, for subjects whose rows the image encoder makes.
 */
final class OccupantBody {

  /**
   * The two kinds of one replacement.
   *
   * @param subject the subject's kind, read from its pictures
   * @param occupant the occupant's kind, read from the bedrock
   */
  record Kinds(FigureKind subject, FigureKind occupant) {

    /** Whether the two have unlike skeletons, so the occupant's outline does not fit the subject. */
    boolean unlike() {
      return !subject.sharesSkeleton(occupant);
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
      Kinds kinds = new Kinds(FigureKind.ofNoun(occupants.subject(i).get(FigureWorldJudge.KIND)),
          FigureKind.ofNoun(occupants.of(i).kind()));
      out.put(word, kinds);
      record.put("body." + word, kinds.subject().noun() + " subject, " + kinds.occupant().noun()
          + " occupant: " + (kinds.unlike() ? "unlike skeletons" : "one skeleton"));
    }
    record.put("body", out.isEmpty() ? "not read (" + value + ")" : "read by the FigureWorld judge");
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
