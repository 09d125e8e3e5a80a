package dev.crossnet.core.edit.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FocusMasks;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeHead;
import dev.crossnet.core.judge.JudgeReading;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.text.PromptTokenizer;
import dev.crossnet.core.text.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
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
 * <p>This works only for FigureWorld subjects and for models whose vocabulary holds FigureWorld's caption
 * words. A word that is several word pieces counts as the mean of their rows; a word the vocabulary spells
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
    PromptTokenizer tokenizer = model.tokenizer();
    NDArray table = model.textEncoder().tokenEmbeddings();
    Map<String, long[]> spellings = spellings(model.vocabulary());
    Map<String, double[]> probabilities = meanProbabilities(subject, judge, manager);
    boolean hat = probabilities.get(FigureWorldJudge.HAT)[1] > 0.5;
    Map<String, List<String>> classes = classes();
    try (NDManager scope = manager.newSubManager()) {
      List<NDArray> rows = new ArrayList<>();
      for (String head : ATTRIBUTES) {
        List<NDArray> words = new ArrayList<>();
        for (String word : classes.get(head)) {
          words.add(rows(table, spellings.get(word), scope).mean(new int[] {0}));
        }
        NDArray weights = scope.create(toFloats(probabilities.get(head))).reshape(1, -1)
            .toType(table.getDataType(), false);
        rows.add(weights.matMul(NDArrays.stack(new NDList(words), 0)));
      }
      if (hat) {
        rows.add(rows(table, toLongs(tokenizer.tokenize(HAT_PHRASE)), scope));
      }
      NDArray out = NDArrays.concat(new NDList(rows), 0);
      out.attach(manager);
      String description = describe(probabilities, classes, subject.pictures().size(), out.getShape().get(0));
      LOG.info("encoded subject '{}' through the FigureWorld judge: {}", subject.word(), description);
      return new Encoding(out, description, ARTICLE);
    }
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
    Map<String, double[]> probabilities = meanProbabilities(subject, Optional.of(judge), manager);
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

  /**
   * The token ids of every word the encoder may use, failing with every missing word when the vocabulary lacks
   * some.
   */
  private static Map<String, long[]> spellings(Vocabulary vocabulary) {
    List<String> words = new ArrayList<>();
    classes().values().forEach(words::addAll);
    words.addAll(List.of(HAT_PHRASE.split(" ")));
    Map<String, long[]> spellings = new LinkedHashMap<>();
    TreeSet<String> missing = new TreeSet<>();
    for (String word : words) {
      Optional<int[]> spelling = vocabulary.spelling(word);
      if (spelling.isEmpty()) {
        missing.add(word);
      } else {
        int[] ids = spelling.get();
        if (ids.length > 1) {
          LOG.debug("word '{}' is {} tokens; its row is their mean", word, ids.length);
        }
        spellings.put(word, toLongs(ids));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the model's vocabulary lacks the FigureWorld word(s) " + missing
          + ": the image encoder (branch.appearance.source=encoder) needs a model whose vocabulary has "
          + "FigureWorld's caption words, as the embedded default model's does; use textual inversion "
          + "(branch.appearance.source=inversion) with this model");
    }
    return spellings;
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

  /** Table rows [ids, hidden], in {@code scope} (ops on the table are born in the weights' manager). */
  private static NDArray rows(NDArray table, long[] ids, NDManager scope) {
    NDArray rows = table.get(scope.create(ids));
    rows.attach(scope);
    return rows;
  }

  private static String describe(Map<String, double[]> probabilities, Map<String, List<String>> classes,
      int pictures, long rows) {
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
    return s.append("; ").append(pictures).append(pictures == 1 ? " picture, " : " pictures, ").append(rows)
        .append(" rows").toString();
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  private static long[] toLongs(int[] ids) {
    return java.util.Arrays.stream(ids).asLongStream().toArray();
  }
}
