package dev.crossnet.core.edit;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The edit option {@code subjects=one-by-one} (and {@code auto}, the default, with an inpainting UNet): an edit of
 * several subjects run as one edit per subject, in the order given, each on the result of the one before, so
 * that each region is redrawn with every other figure in place around it. Each edit's prompt is the edit's prompt
 * with the other subjects' words taken out (with an "and" joining them). The result's record keeps each edit's
 * record under {@code subject-<i>.}, its timings add up, and progress counts the steps of all the edits as one run.
 */
final class OneSubjectAtATime {

  /** The edit option and its values. */
  static final String OPTION = "subjects";
  static final String AUTO = "auto";
  static final String TOGETHER = "together";
  static final String ONE_BY_ONE = "one-by-one";

  private OneSubjectAtATime() {}

  /**
   * Whether the request runs one edit per subject: it has more than one subject and asks for {@code one-by-one},
   * or for {@code auto} (the default) on a model with an inpainting UNet, which draws a figure into a region with
   * the rest of the picture around it.
   */
  static boolean asked(EditRequest request, boolean inpainting) {
    String value = request.settings().options().getString(OPTION, AUTO);
    if (!value.equals(AUTO) && !value.equals(TOGETHER) && !value.equals(ONE_BY_ONE)) {
      throw new IllegalArgumentException("the edit option subjects is '" + value + "'; use " + AUTO + " (the "
          + "default: one by one with an inpainting UNet, else together), " + TOGETHER + " (every subject in one "
          + "edit) or " + ONE_BY_ONE + " (one edit per subject, each on the result of the one before)");
    }
    boolean oneByOne = value.equals(ONE_BY_ONE) || value.equals(AUTO) && inpainting;
    return oneByOne && request.replacements().size() > 1;
  }

  /** Runs one edit per replacement through {@code edit}, chaining the pictures. */
  static EditResult run(EditRequest request, Function<EditRequest, EditResult> edit) {
    List<Replacement> all = request.replacements();
    EditSettings settings = request.settings();
    List<Part> parts = new ArrayList<>();
    for (Replacement own : all) {
      parts.add(new Part(own, settings.withPrompt(promptOf(settings.prompt(), own, all))));
    }
    Map<String, String> record = new LinkedHashMap<>();
    record.put(OPTION, ONE_BY_ONE);
    return chain(request, parts, "subject-", record, edit);
  }

  /** One edit of a chain: its one replacement and its settings. */
  record Part(Replacement own, EditSettings settings) {}

  /**
   * Runs the parts in order through {@code edit}, each on the result of the one before, progress counted as one
   * run; the result's record starts with {@code record} and keeps each part's record under {@code prefix<i>.}.
   */
  static EditResult chain(EditRequest request, List<Part> parts, String prefix, Map<String, String> record,
      Function<EditRequest, EditResult> edit) {
    Picture picture = request.bedrock();
    Map<String, Duration> timings = new LinkedHashMap<>();
    Map<String, String> all = new LinkedHashMap<>(record);
    for (int k = 0; k < parts.size(); k++) {
      Part part = parts.get(k);
      EditSettings one = part.settings()
          .withProgress(ProgressParts.part(request.settings().progress(), k, parts.size()));
      EditResult r = edit.apply(new EditRequest(picture, List.of(part.own()), one, request.seed()));
      picture = r.picture();
      r.timings().forEach((phase, d) -> timings.merge(phase, d, Duration::plus));
      String key = prefix + k + ".";
      r.record().forEach((name, value) -> all.put(key + name, value));
    }
    return new EditResult(picture, request.seed(), timings, all);
  }

  /** The edit's prompt for {@code own}'s edit: every other subject's word taken out. */
  static String promptOf(String prompt, Replacement own, List<Replacement> all) {
    String out = prompt;
    for (Replacement other : all) {
      if (other != own && !other.subject().word().equals(own.subject().word())) {
        out = without(out, other.subject().word());
      }
    }
    return out;
  }

  /** The prompt without {@code word}, and without an "and" that joined it to the rest. */
  static String without(String prompt, String word) {
    String w = Pattern.quote(word);
    String out = prompt.replaceFirst("\\s*\\band\\s+" + w, "");
    if (out.equals(prompt)) {
      out = prompt.replaceFirst(w + "\\s+and\\b\\s*", "");
    }
    if (out.equals(prompt)) {
      out = prompt.replace(word, "");
    }
    return out.replaceAll("\\s+", " ").trim();
  }
}
