package dev.crossnet.core.edit.branch;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.SubjectPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The motion branch's {@code pose} option: whether the occupant's pose (its action) is also put into words, read
 * from the bedrock by the edit's reader ({@link dev.crossnet.api.reading.SceneReader}) and placed after the
 * subject's word. {@code read} always reads ({@code judge} is its older name); {@code none} never does; {@code auto}
 * (the default) reads where it was measured to help: on a model the edit has a reader for, for subjects whose rows
 * the image encoder makes from their pictures (see the appearance branch's {@code source}). On FigureWorld's edit
 * benchmark (36 scenes) the word raised the encoder's pose agreement from 44 % to 72 % at about the same look (39 % and
 * 36 %), but cut a learned token's look from 11 % to 3 %: a token learned from one picture carries its pose
 * too, and the two disagree. A prompt that already names a pose word keeps its own.
 */
final class OccupantPose {

  /** The option's values. */
  static final List<String> VALUES = List.of("auto", "read", "judge", "none");

  private OccupantPose() {}

  /**
   * Subject word to pose word for every replacement whose occupant is read; records what was done under
   * {@code pose} and {@code pose.<word>}. Where the subject's kind was read ({@code kinds}), the word is that
   * kind's version of the occupant's pose, e.g. "standing" for a dog in place of a waving person.
   */
  static Map<String, String> words(EditContext c, OccupantReadings occupants, Map<String, OccupantBody.Kinds> kinds,
      Map<String, String> record) {
    String value = option(c, "pose", "the occupant's pose");
    List<Replacement> replacements = c.request().replacements();
    List<Integer> chosen = chosen(c, value);
    if (chosen.isEmpty()) {
      record.put("pose", "not read (" + value + ")");
      return Map.of();
    }
    SceneReader reader = occupants.reader();
    List<String> words = reader.actionWords();
    Optional<String> named = named(c.request().settings().prompt(), words);
    if (named.isPresent()) {
      record.put("pose", "not read: the prompt names '" + named.get() + "'");
      return Map.of();
    }
    List<String> unknown = c.model().vocabulary().unknownWords(String.join(" ", words));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("branch.motion.pose=" + value + " reads the '" + c.reader().name()
          + "' reader's action words, but the model's vocabulary lacks " + unknown + "; use branch.motion.pose=none "
          + "with this model, or name the pose in the prompt");
    }
    Map<String, String> out = new LinkedHashMap<>();
    record.put("pose", "read by the " + c.reader().name() + " reader");
    for (int k = 0; k < chosen.size(); k++) {
      OccupantReading r = occupants.of(chosen.get(k));
      String word = replacements.get(chosen.get(k)).subject().word();
      OccupantBody.Kinds body = kinds.get(word);
      String pose = body == null ? r.action() : reader.actionFor(body.subject(), r);
      out.put(word, pose);
      record.put("pose." + word, String.format(Locale.ROOT, "%s (%.2f)%s", r.action(), r.actionConfidence(),
          pose.equals(r.action()) ? "" : ", as a " + body.subject().kind() + ": " + pose));
    }
    return out;
  }

  /**
   * The checked value of one of the motion branch's reading options ({@code pose}, {@code scale}, {@code body}),
   * whose values are {@link #VALUES}; {@code what} names what it reads, for the error.
   */
  static String option(EditContext c, String name, String what) {
    String value = c.options().getString(name, "auto");
    if (!VALUES.contains(value)) {
      throw new IllegalArgumentException("branch.motion." + name + " is '" + value + "'; use " + VALUES + " (auto "
          + "reads " + what + " for subjects the image encoder reads, on a model the edit has a reader for; read "
          + "(or judge) always; none never)");
    }
    return value;
  }

  /** The indices of the replacements that a reading option's {@code value} reads. */
  static List<Integer> chosen(EditContext c, String value) {
    List<Replacement> replacements = c.request().replacements();
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < replacements.size(); i++) {
      if (value.equals("read") || value.equals("judge") || value.equals("auto")
          && encoded(c, replacements.get(i).subject())) {
        chosen.add(i);
      }
    }
    return chosen;
  }

  /** The replacements that a reading option's {@code value} reads and whose subject has pictures to read. */
  static List<Integer> chosenWithPictures(EditContext c, String value) {
    return chosen(c, value).stream()
        .filter(i -> !c.request().replacements().get(i).subject().pictures().isEmpty()).toList();
  }

  /**
   * Whether {@code auto} reads for this subject: where the edit has a reader, for a subject given by pictures
   * whose rows the image encoder makes (a saved embedding may be a learned token, which the word was measured to
   * hurt).
   */
  static boolean encoded(EditContext c, Subject subject) {
    return c.reader().present() && subject.embedding().isEmpty()
        && AppearanceBranch.source(c).startsWith("encoder");
  }

  /** The first pose word the prompt names, if any. */
  static Optional<String> named(String prompt, List<String> words) {
    return words.stream().filter(w -> SubjectPrompt.names(prompt, w)).findFirst();
  }
}
