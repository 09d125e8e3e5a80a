package dev.crossnet.core.edit.branch;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.SubjectPrompt;
import dev.crossnet.core.edit.encoder.FigureWorldPoseReader;
import dev.crossnet.core.figureworld.Pose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The motion branch's {@code pose} option: whether the occupant's pose is also put into words, read from the
 * bedrock by {@link FigureWorldPoseReader} and placed after the subject's word. {@code judge} always reads;
 * {@code none} never does; {@code auto} (the default) reads where it was measured to help: on the embedded default
 * model (a FigureWorld model; never on a model the application names), for subjects whose rows the image encoder
 * makes from their pictures (see the appearance branch's {@code source}). On FigureWorld's edit benchmark (36
 * scenes) the word raised the encoder's pose agreement from 44 % to 72 % at about the same look (39 % and
 * 36 %), but cut a learned token's look from 11 % to 3 %: a token learned from one picture carries its pose
 * too, and the two disagree. A prompt that already names a pose word keeps its own.
 */
final class OccupantPose {

  /** The option's values. */
  static final List<String> VALUES = List.of("auto", "judge", "none");

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
    List<String> words = FigureWorldPoseReader.words();
    Optional<String> named = named(c.request().settings().prompt(), words);
    if (named.isPresent()) {
      record.put("pose", "not read: the prompt names '" + named.get() + "'");
      return Map.of();
    }
    List<String> unknown = c.model().vocabulary().unknownWords(String.join(" ", words));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("branch.motion.pose=judge reads FigureWorld pose words, but the model's "
          + "vocabulary lacks " + unknown + "; use branch.motion.pose=none with this model, or name the pose in the "
          + "prompt");
    }
    Map<String, String> out = new LinkedHashMap<>();
    record.put("pose", "read by the FigureWorld judge");
    for (int k = 0; k < chosen.size(); k++) {
      FigureWorldPoseReader.Reading r = occupants.of(chosen.get(k));
      String word = replacements.get(chosen.get(k)).subject().word();
      OccupantBody.Kinds body = kinds.get(word);
      String pose = body == null ? r.word()
          : body.subject().closest(Pose.valueOf(r.word().toUpperCase(Locale.ROOT))).word();
      out.put(word, pose);
      record.put("pose." + word, String.format(Locale.ROOT, "%s (%.2f)%s", r.word(), r.probability(),
          pose.equals(r.word()) ? "" : ", as a " + body.subject().noun() + ": " + pose));
    }
    return out;
  }

  /**
   * The checked value of one of the motion branch's FigureWorld reading options ({@code pose}, {@code scale},
   * {@code body}), whose values are {@link #VALUES}; {@code what} names what it reads, for the error.
   */
  static String option(EditContext c, String name, String what) {
    String value = c.options().getString(name, "auto");
    if (!VALUES.contains(value)) {
      throw new IllegalArgumentException("branch.motion." + name + " is '" + value + "'; use " + VALUES + " (auto "
          + "reads " + what + " for subjects the image encoder reads on the embedded default model, judge always, "
          + "none never)");
    }
    return value;
  }

  /** The indices of the replacements that a reading option's {@code value} reads. */
  static List<Integer> chosen(EditContext c, String value) {
    List<Replacement> replacements = c.request().replacements();
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < replacements.size(); i++) {
      if (value.equals("judge") || value.equals("auto") && encoded(c, replacements.get(i).subject())) {
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
   * Whether {@code auto} reads for this subject: on a FigureWorld model, for a subject given by pictures
   * whose rows the image encoder makes (a saved embedding may be a learned token, which the word was measured to
   * hurt).
   */
  static boolean encoded(EditContext c, Subject subject) {
    return c.readsFigureWorld() && subject.embedding().isEmpty()
        && AppearanceBranch.source(c).startsWith("encoder");
  }

  /** The first pose word the prompt names, if any. */
  static Optional<String> named(String prompt, List<String> words) {
    return words.stream().filter(w -> SubjectPrompt.names(prompt, w)).findFirst();
  }
}
