package dev.crossnet.core.edit;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.plugin.PluginConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The edit option {@code candidates=K}: the edit is run K times, with the seeds s, s + 1, ..., s + K - 1 (s the
 * edit's seed, so K = 1 is the plain edit and the first candidate is always the plain edit's result), and the result
 * that shows its subjects best is kept. {@code candidates.by} says who rates them: {@code reader} (the edit's reader,
 * {@link ReadingAgreement}: the subjects' look words and the occupants' actions read back from each region),
 * {@code encoder} (the model's image encoder, {@link SubjectLikeness}), or {@code auto} (the default: the reader
 * where the edit has one, else the encoder). The same seed and options give the same choice. The record is the kept
 * edit's, with {@code candidates}, {@code candidates.by}, {@code candidates.scores} (in seed order),
 * {@code candidates.kept} (its index) and {@code candidates.seed} added;
 * timings add up over the candidates plus the scoring ({@code candidates}); progress counts the steps of all the
 * candidates as one run.
 */
final class BestOfCandidates {

  /** The edit option. */
  static final String OPTION = "candidates";
  /** Who rates the candidates, and its values. */
  static final String BY = OPTION + ".by";
  static final String AUTO = "auto";
  static final String READER = "reader";
  static final String ENCODER = "encoder";
  /** The most candidates an edit may ask for. */
  static final int MOST = 16;

  private BestOfCandidates() {}

  /** How many candidates the options ask for (1 when they leave it out). */
  static int count(PluginConfig options) {
    int k;
    try {
      k = options.getInt(OPTION, 1);
    } catch (IllegalArgumentException notWhole) {
      k = 0;
    }
    if (k < 1 || k > MOST) {
      throw new IllegalArgumentException("the edit option " + OPTION + " is '" + options.get(OPTION).orElse("")
          + "'; give a whole number from 1 (one edit, the default) to " + MOST + " (edits with that many seeds, the "
          + "result most like the subjects kept)");
    }
    return k;
  }

  /** Who the options ask to rate the candidates: {@link #AUTO}, {@link #READER} or {@link #ENCODER}. */
  static String by(PluginConfig options) {
    String value = options.getString(BY, AUTO);
    if (!value.equals(AUTO) && !value.equals(READER) && !value.equals(ENCODER)) {
      throw new IllegalArgumentException("the edit option " + BY + " is '" + value + "'; use " + READER + " (the "
          + "edit's reader reads each candidate back), " + ENCODER + " (the model's image encoder compares it with "
          + "the subject's pictures) or " + AUTO + " (the default: the reader where the edit has one)");
    }
    return value;
  }

  /**
   * Runs {@code k} edits through {@code edit} and keeps the one {@code score} rates highest (the earliest of equal
   * scores).
   *
   * @param scoredBy who rated them, for the record
   */
  static EditResult run(EditRequest request, int k, Function<EditRequest, EditResult> edit,
      ToDoubleFunction<EditResult> score, String scoredBy) {
    Map<String, Duration> timings = new LinkedHashMap<>();
    List<Double> scores = new ArrayList<>();
    EditResult kept = null;
    int keptIndex = -1;
    Duration scoring = Duration.ZERO;
    for (int i = 0; i < k; i++) {
      long seed = request.seed() + i;
      EditRequest one = new EditRequest(request.bedrock(), request.replacements(),
          request.settings().withProgress(ProgressParts.part(request.settings().progress(), i, k)), seed);
      EditResult r = edit.apply(one);
      r.timings().forEach((phase, d) -> timings.merge(phase, d, Duration::plus));
      long t0 = System.nanoTime();
      double s = score.applyAsDouble(r);
      scoring = scoring.plus(Duration.ofNanos(System.nanoTime() - t0));
      scores.add(s);
      if (kept == null || s > scores.get(keptIndex)) {
        kept = r;
        keptIndex = i;
      }
    }
    timings.put(OPTION, scoring);
    Map<String, String> record = new LinkedHashMap<>(kept.record());
    record.put(OPTION, Integer.toString(k));
    record.put(BY, scoredBy);
    record.put(OPTION + ".scores", String.join(",", scores.stream()
        .map(s -> String.format(Locale.ROOT, "%.4f", s)).toList()));
    record.put(OPTION + ".kept", Integer.toString(keptIndex));
    record.put(OPTION + ".seed", Long.toString(request.seed() + keptIndex));
    return new EditResult(kept.picture(), request.seed(), timings, record);
  }
}
