package dev.crossnet.core.figureworld.reading;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.reading.WordSlot;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.encoder.ReadingEncoder;
import dev.crossnet.core.edit.encoder.SubjectEncoder;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FocusMasks;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeHead;
import dev.crossnet.core.judge.JudgeReading;
import dev.crossnet.core.model.DiffusionModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes a FigureWorld subject through the bundled FigureWorld judge: the judge reads every reference picture
 * (about the figure inside the picture's mask when given, else the whole picture), its class probabilities are
 * averaged over the pictures, and each attribute becomes one row, the probability-weighted mixture of its class
 * words' embeddings (e.g. {@code 0.9 E(red) + 0.1 E(blue)}). Rows follow FigureWorld's caption order, size,
 * colour, kind, then the rows of "with a hat" when the pictures more likely than not show a hat; so a subject
 * reads like the caption words "large red robot with a hat" that the default model was trained on. In those
 * captions the words follow the count word "a", which the encoding asks the edit to put before the subject's word
 * ({@link Encoding#leadingWords()}): on FigureWorld's edit benchmark that raised colour agreement from 72 % to 92 %.
 *
 * <p>The reading ({@link #read}) is the {@code figureworld} reader's subject reading; the rows are made from it
 * by the runtime's {@link ReadingEncoder}. This works only for FigureWorld subjects and for models whose vocabulary
 * holds FigureWorld's caption words. A word that is several word pieces counts as the mean of their rows; a word the vocabulary spells
 * with any lone-character (byte) piece is missing, and the encoder refuses the model, naming every missing
 * word.
 */
public final class FigureWorldJudgeEncoder implements SubjectEncoder {

  /** The judge heads that become rows, in caption order. */
  public static final List<String> ATTRIBUTES = List.of(FigureWorldJudge.SIZE, FigureWorldJudge.COLOUR,
      FigureWorldJudge.KIND);
  /** The words added when the subject wears a hat. */
  public static final String HAT_PHRASE = "with a hat";
  /** The count word FigureWorld's captions put before one figure's words. */
  public static final String ARTICLE = "a";

  private static final Logger LOG = LoggerFactory.getLogger(FigureWorldJudgeEncoder.class);

  private final Optional<Judge> judge;

  /** An encoder that loads the bundled judge for each encoding. */
  public FigureWorldJudgeEncoder() {
    this.judge = Optional.empty();
  }

  /** An encoder that reads with {@code judge} (the bundled FigureWorld judge, shared and closed by the caller). */
  public FigureWorldJudgeEncoder(Judge judge) {
    this.judge = Optional.of(judge);
  }
  /** Classes below this share are left out of the description (they still weigh in the rows). */
  private static final double SHOWN = 0.05;

  @Override
  public Encoding encode(Subject subject, DiffusionModel model, NDManager manager) {
    if (subject.pictures().isEmpty()) {
      throw new IllegalArgumentException("subject '" + subject.word() + "' has no pictures to encode");
    }
    SubjectReading reading = BundledJudge.read(judge, manager, j -> read(subject, j, manager));
    Encoding e = ReadingEncoder.encode(reading, model, FigureWorldReaderProvider.NAME, manager);
    LOG.info("encoded subject '{}' through the FigureWorld judge: {}", subject.word(), e.description());
    return e;
  }

  /**
   * The subject as {@code judge} (a FigureWorld judge) reads it from its pictures: the likeliest kind and size, and
   * the word slots of its look in caption order (size, colour and kind as probability-weighted mixtures of their
   * class words, then "with a hat" when the pictures more likely than not show one), after the article "a".
   *
   * @param manager where the reading's temporary arrays live
   * @throws IllegalArgumentException when the subject has no pictures or a mask covers nothing
   */
  public static SubjectReading read(Subject subject, Judge judge, NDManager manager) {
    if (subject.pictures().isEmpty()) {
      throw new IllegalArgumentException("subject '" + subject.word() + "' has no pictures to read");
    }
    Map<String, double[]> probabilities = meanProbabilities(subject, Optional.of(judge), manager);
    Map<String, List<String>> classes = classes();
    List<WordSlot> slots = new ArrayList<>();
    for (String head : ATTRIBUTES) {
      Map<String, Double> mixture = new LinkedHashMap<>();
      double[] p = probabilities.get(head);
      for (int c = 0; c < p.length; c++) {
        mixture.put(classes.get(head).get(c), p[c]);
      }
      slots.add(WordSlot.mixture(mixture));
    }
    boolean hat = probabilities.get(FigureWorldJudge.HAT)[1] > 0.5;
    if (hat) {
      slots.add(WordSlot.phrase(HAT_PHRASE));
    }
    Map<String, String> likeliest = likeliest(probabilities);
    FigureKind kind = FigureKind.ofNoun(likeliest.get(FigureWorldJudge.KIND));
    Size size = Size.valueOf(likeliest.get(FigureWorldJudge.SIZE).toUpperCase(Locale.ROOT));
    return new SubjectReading(kind.noun(), size.word(), size.scale(), kind.skeleton(), slots, ARTICLE,
        describe(probabilities, classes, subject.pictures().size()));
  }

  /**
   * For each of the judge's figure heads ({@code "kind"}, {@code "size"}, ...), the class likeliest over the
   * subject's pictures as {@code judge} (the bundled FigureWorld judge) reads them in one pass, e.g.
   * {@code kind=dog}.
   *
   * @param manager where the reading's temporary arrays live
   * @throws IllegalArgumentException when the subject has no pictures
   */
  public static Map<String, String> likeliest(Subject subject, Judge judge, NDManager manager) {
    if (subject.pictures().isEmpty()) {
      throw new IllegalArgumentException("subject '" + subject.word() + "' has no pictures to read");
    }
    return likeliest(meanProbabilities(subject, Optional.of(judge), manager));
  }

  private static Map<String, String> likeliest(Map<String, double[]> probabilities) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JudgeHead h : FigureWorldJudge.heads()) {
      double[] p = probabilities.get(h.name());
      if (p == null) {
        continue;
      }
      int best = 0;
      for (int i = 1; i < p.length; i++) {
        if (p[i] > p[best]) {
          best = i;
        }
      }
      out.put(h.name(), h.classes().get(best));
    }
    return out;
  }

  /**
   * Every head's class probabilities, averaged over the subject's pictures, read with {@code shared} or with the
   * bundled judge loaded for it.
   */
  static Map<String, double[]> meanProbabilities(Subject subject, Optional<Judge> shared, NDManager manager) {
    List<Picture> pictures = subject.pictures();
    List<Mask> focus = new ArrayList<>();
    for (int i = 0; i < pictures.size(); i++) {
      Picture p = pictures.get(i);
      Optional<Mask> mask = subject.masks().get(i);
      if (mask.isPresent() && mask.get().bounds().isEmpty()) {
        throw new IllegalArgumentException("mask " + i + " of subject '" + subject.word() + "' is empty; give a "
            + "mask that covers the subject in its picture, or none to read the whole picture");
      }
      // the judge was trained to read the figure inside a filled box around it, so a mask becomes that box
      focus.add(mask.map(m -> FocusMasks.around(m, IdealEdit.margin(p.width(), p.height())))
          .orElseGet(() -> FocusMasks.whole(p.width(), p.height())));
    }
    List<JudgeReading> readings = BundledJudge.read(shared, manager, j -> j.readAll(pictures, focus));
    Map<String, double[]> mean = new LinkedHashMap<>();
    for (JudgeReading r : readings) {
      for (String head : FigureWorldJudge.figureHeads()) {
        double[] p = r.probabilities(head);
        double[] sum = mean.computeIfAbsent(head, h -> new double[p.length]);
        for (int c = 0; c < p.length; c++) {
          sum[c] += p[c] / readings.size();
        }
      }
    }
    return mean;
  }

  private static Map<String, List<String>> classes() {
    Map<String, List<String>> classes = new LinkedHashMap<>();
    for (JudgeHead h : FigureWorldJudge.heads()) {
      if (ATTRIBUTES.contains(h.name())) {
        classes.put(h.name(), h.classes());
      }
    }
    return classes;
  }

  private static String describe(Map<String, double[]> probabilities, Map<String, List<String>> classes,
      int pictures) {
    StringBuilder s = new StringBuilder();
    for (String head : ATTRIBUTES) {
      double[] p = probabilities.get(head);
      List<Integer> order = new ArrayList<>();
      for (int c = 0; c < p.length; c++) {
        order.add(c);
      }
      order.sort((a, b) -> Double.compare(p[b], p[a]));
      s.append(s.length() == 0 ? "" : ", ").append(head);
      for (int k = 0; k < order.size(); k++) {
        int c = order.get(k);
        if (k == 0 || p[c] >= SHOWN) {
          s.append(k == 0 ? " " : " + ").append(String.format(Locale.ROOT, "%.2f %s", p[c],
              classes.get(head).get(c)));
        }
      }
    }
    double hat = probabilities.get(FigureWorldJudge.HAT)[1];
    s.append(String.format(Locale.ROOT, ", hat %.2f (%s)", hat, hat > 0.5 ? "\"" + HAT_PHRASE + "\" added"
        : "none"));
    return s.append("; ").append(pictures).append(pictures == 1 ? " picture" : " pictures").toString();
  }
}
