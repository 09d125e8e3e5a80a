package dev.crossnet.core.edit.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.reading.WordSlot;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes a subject through a {@link SceneReader}: the reader names the subject's look in the model's words
 * ({@link SubjectReading#words()}), and each word slot becomes rows of the model's token-embedding table: a mixture
 * one row, the weighted sum of its words' rows (e.g. {@code 0.9 E(red) + 0.1 E(blue)}), a phrase the rows of its
 * tokens. So a subject reads like the caption words the model was trained on, whatever world the reader knows.
 *
 * <p>A word that is several word pieces counts as the mean of their rows; a word the vocabulary spells with any
 * lone-character (byte) piece is missing, and the encoder refuses the model, naming every missing word.
 */
public final class ReadingEncoder implements SubjectEncoder {

  private static final Logger LOG = LoggerFactory.getLogger(ReadingEncoder.class);

  private final SceneReader reader;
  private final String readerName;

  /**
   * @param reader reads the subjects; shared, closed by the caller
   * @param readerName the reader's plugin name, for messages
   */
  public ReadingEncoder(SceneReader reader, String readerName) {
    this.reader = reader;
    this.readerName = readerName;
  }

  @Override
  public Encoding encode(Subject subject, DiffusionModel model, NDManager manager) {
    if (subject.pictures().isEmpty()) {
      throw new IllegalArgumentException("subject '" + subject.word() + "' has no pictures to encode");
    }
    Encoding e = encode(reader.subject(subject), model, readerName, manager);
    LOG.info("encoded subject '{}' through the {} reader: {}", subject.word(), readerName, e.description());
    return e;
  }

  /**
   * The rows of a reading's word slots, in {@code manager}.
   *
   * @throws IllegalArgumentException when the model's vocabulary lacks some of the reading's words (all named)
   */
  public static Encoding encode(SubjectReading reading, DiffusionModel model, String readerName,
      NDManager manager) {
    Vocabulary vocabulary = model.vocabulary();
    checkSpelled(reading, vocabulary, readerName);
    NDArray table = model.textEncoder().tokenEmbeddings();
    try (NDManager scope = manager.newSubManager()) {
      List<NDArray> rows = new ArrayList<>();
      for (WordSlot slot : reading.words()) {
        if (slot.isPhrase()) {
          rows.add(rows(table, toLongs(model.tokenizer().tokenize(slot.phrase())), scope));
          continue;
        }
        List<NDArray> words = new ArrayList<>();
        float[] weights = new float[slot.mixture().size()];
        int k = 0;
        for (Map.Entry<String, Double> w : slot.mixture().entrySet()) {
          int[] ids = vocabulary.spelling(w.getKey()).orElseThrow();
          if (ids.length > 1) {
            LOG.debug("word '{}' is {} tokens; its row is their mean", w.getKey(), ids.length);
          }
          words.add(rows(table, toLongs(ids), scope).mean(new int[] {0}));
          weights[k++] = w.getValue().floatValue();
        }
        NDArray mix = scope.create(weights).reshape(1, -1).toType(table.getDataType(), false);
        rows.add(mix.matMul(NDArrays.stack(new NDList(words), 0)));
      }
      NDArray out = NDArrays.concat(new NDList(rows), 0);
      out.attach(manager);
      return new Encoding(out, reading.description() + ", " + out.getShape().get(0) + " rows",
          reading.leadingWords());
    }
  }

  private static void checkSpelled(SubjectReading reading, Vocabulary vocabulary, String readerName) {
    TreeSet<String> missing = new TreeSet<>();
    for (WordSlot slot : reading.words()) {
      List<String> words = slot.isPhrase() ? Arrays.asList(slot.phrase().trim().split("\\s+"))
          : new ArrayList<>(slot.mixture().keySet());
      for (String word : words) {
        Optional<int[]> spelling = vocabulary.spelling(word);
        if (spelling.isEmpty()) {
          missing.add(word);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the model's vocabulary lacks the word(s) " + missing + " that the '"
          + readerName + "' reader names subjects with: the image encoder (branch.appearance.source=encoder) needs "
          + "a model whose vocabulary has the reader's words, as the embedded default model has the figureworld "
          + "reader's; use textual inversion (branch.appearance.source=inversion) with this model, or another "
          + "reader (the edit option reader)");
    }
  }

  /** Table rows [ids, hidden], in {@code scope} (ops on the table are born in the weights' manager). */
  private static NDArray rows(NDArray table, long[] ids, NDManager scope) {
    NDArray rows = table.get(scope.create(ids));
    rows.attach(scope);
    return rows;
  }

  private static long[] toLongs(int[] ids) {
    return Arrays.stream(ids).asLongStream().toArray();
  }
}
