package dev.crossnet.core.relation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import dev.crossnet.core.figureworld.CaptionVocabulary;
import dev.crossnet.core.figureworld.PartOfSpeech;
import dev.crossnet.core.text.ClipTokenizer;
import dev.crossnet.core.text.PromptTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tokenizer's whole-word tokens (those ending in {@code </w>}) grouped by part of speech: "noun",
 * "adjective", "verb" and "preposition", the keys of {@code LossInput.WORDS_BY_PART_OF_SPEECH}. Other words
 * (articles, counts, conjunctions, adverbs, unknown) are left out.
 *
 * <pre>{@code
 * PartOfSpeechSets sets = PartOfSpeechSets.wordNet(model.tokenizer(), WordNetLexicon.load()); // a real CLIP
 * PartOfSpeechSets sets = PartOfSpeechSets.figureWorld(model.tokenizer());                     // default model
 * Map<String, NDArray> words = sets.embeddings(model.textEncoder().tokenEmbeddings(), manager);
 * }</pre>
 */
public final class PartOfSpeechSets {

  /** The classes, in the order they are listed. */
  public static final List<String> CLASSES = List.of("noun", "adjective", "verb", "preposition");

  private static final Logger LOG = LoggerFactory.getLogger(PartOfSpeechSets.class);
  private static final String END_OF_WORD = "</w>";
  private static final Pattern WORD = Pattern.compile("[a-z]{2,}");

  /** Token ids by class, each list sorted by token text. */
  private final Map<String, List<Integer>> ids;
  private final Map<String, List<String>> words;

  private PartOfSpeechSets(Map<String, List<Integer>> ids, Map<String, List<String>> words) {
    this.ids = ids;
    this.words = words;
  }

  /**
   * The sets of the FigureWorld default model: its caption words have known parts of speech
   * ({@link CaptionVocabulary#partOfSpeech}); a word the tokenizer does not keep whole is skipped.
   */
  public static PartOfSpeechSets figureWorld(PromptTokenizer tokenizer) {
    Map<String, Integer> vocabulary = new TreeMap<>();
    for (String w : CaptionVocabulary.words()) {
      tokenizer.tokenId(w + END_OF_WORD).ifPresent(id -> vocabulary.put(w + END_OF_WORD, id));
    }
    return classify(vocabulary, w -> Optional.of(CaptionVocabulary.partOfSpeech(w)).flatMap(PartOfSpeechSets::key));
  }

  /**
   * The sets of a real CLIP vocabulary: prepositions from the closed list {@link Prepositions}, every other
   * alphabetic whole word of two or more letters by its most frequent WordNet class. Needs the tokenizer's
   * vocabulary, which a {@link ClipTokenizer} (vocab.json + merges.txt) exposes.
   */
  public static PartOfSpeechSets wordNet(PromptTokenizer tokenizer, WordNetLexicon lexicon) {
    if (!(tokenizer instanceof ClipTokenizer clip)) {
      throw new IllegalArgumentException("part-of-speech sets need the tokenizer's vocabulary, which "
          + tokenizer.getClass().getSimpleName() + " does not list; give the model a tokenizer folder with "
          + "vocab.json and merges.txt");
    }
    return classify(clip.vocabulary(), w -> {
      if (Prepositions.contains(w)) {
        return Optional.of("preposition");
      }
      if (!WORD.matcher(w).matches()) {
        return Optional.empty();
      }
      return lexicon.partOfSpeech(w).flatMap(p -> switch (p) {
        case NOUN -> Optional.of("noun");
        case VERB -> Optional.of("verb");
        case ADJECTIVE -> Optional.of("adjective");
        case ADVERB -> Optional.empty();
      });
    });
  }

  /**
   * Groups the whole-word entries of a vocabulary (token text to id) by the class a function gives the word
   * without its {@code </w>}; the function answers one of {@link #CLASSES} or empty to leave the word out.
   */
  public static PartOfSpeechSets classify(Map<String, Integer> vocabulary,
      Function<String, Optional<String>> classOf) {
    Map<String, List<String>> words = new LinkedHashMap<>();
    CLASSES.forEach(c -> words.put(c, new ArrayList<>()));
    new TreeMap<>(vocabulary).forEach((token, id) -> {
      if (token.endsWith(END_OF_WORD)) {
        String w = token.substring(0, token.length() - END_OF_WORD.length());
        classOf.apply(w).ifPresent(c -> {
          List<String> list = words.get(c);
          if (list == null) {
            throw new IllegalArgumentException("'" + c + "' is not a part-of-speech class; use one of " + CLASSES);
          }
          list.add(token);
        });
      }
    });
    Map<String, List<Integer>> ids = new LinkedHashMap<>();
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    words.forEach((c, list) -> {
      ids.put(c, list.stream().map(vocabulary::get).toList());
      frozen.put(c, List.copyOf(list));
    });
    LOG.info("part-of-speech sets: {}", sizes(frozen));
    return new PartOfSpeechSets(Collections.unmodifiableMap(ids), Collections.unmodifiableMap(frozen));
  }

  private static Optional<String> key(PartOfSpeech p) {
    return switch (p) {
      case NOUN -> Optional.of("noun");
      case ADJECTIVE -> Optional.of("adjective");
      case VERB -> Optional.of("verb");
      case PREPOSITION -> Optional.of("preposition");
      default -> Optional.empty();
    };
  }

  private static Map<String, Integer> sizes(Map<String, List<String>> words) {
    Map<String, Integer> out = new LinkedHashMap<>();
    words.forEach((c, l) -> out.put(c, l.size()));
    return out;
  }

  /** The tokens of each class (e.g. {@code "dog</w>"}), sorted. */
  public Map<String, List<String>> words() {
    return words;
  }

  /** The token ids of each class, in the order of {@link #words()}. */
  public Map<String, List<Integer>> ids() {
    return ids;
  }

  /**
   * The rows of a token-embedding table [vocab, D] for each class, [N, D], as constants (no gradient) in
   * {@code manager}: what {@code LossInput.WORDS_BY_PART_OF_SPEECH} carries. An empty class gives [0, D],
   * which the pos-contrastive loss reports by name.
   */
  public Map<String, NDArray> embeddings(NDArray tokenEmbeddings, NDManager manager) {
    long rows = tokenEmbeddings.getShape().get(0);
    long width = tokenEmbeddings.getShape().get(1);
    Map<String, NDArray> out = new LinkedHashMap<>();
    ids.forEach((c, list) -> {
      long[] idx = list.stream().mapToLong(Integer::longValue).filter(i -> i < rows).toArray();
      if (idx.length == 0) {
        out.put(c, manager.zeros(new Shape(0, width)));
        return;
      }
      NDArray index = manager.create(idx);
      NDArray picked = ai.djl.nn.core.Embedding.embedding(index, tokenEmbeddings, SparseFormat.DENSE)
          .singletonOrThrow();
      NDArray constant = picked.stopGradient();
      constant.attach(manager);
      out.put(c, constant);
    });
    return out;
  }

  /**
   * A token's mean cosine similarity to the words of each class (classes without words are left out), computed in a
   * scope of {@code manager} that is closed before returning: how far a learned relation or action token lies from
   * prepositions and verbs and from nouns and adjectives.
   *
   * @param token the token's embedding row, [D] or [1, D]
   * @param tokenEmbeddings the text encoder's token-embedding table [vocab, D]
   */
  public Map<String, Double> meanCosines(NDArray token, NDArray tokenEmbeddings, NDManager manager) {
    Map<String, Double> out = new LinkedHashMap<>();
    try (NDManager scope = manager.newSubManager()) {
      NDArray copy = token.duplicate();
      copy.attach(scope);
      NDArray t = copy.reshape(1, -1);
      NDArray unit = t.div(t.norm().add(1e-8f));
      for (Map.Entry<String, NDArray> e : embeddings(tokenEmbeddings, scope).entrySet()) {
        NDArray w = e.getValue();
        if (w.getShape().get(0) > 0) {
          NDArray wUnit = w.div(w.norm(new int[] {1}, true).add(1e-8f));
          out.put(e.getKey(), (double) wUnit.matMul(unit.transpose()).mean().getFloat());
        }
      }
    }
    return out;
  }
}
