package dev.crossnet.core.figureworld;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The closed list of words FigureWorld captions use, each with its part of speech. The default model's
 * tokenizer is learned from {@link #words()}; every caption {@link Caption#of} writes uses only these words.
 *
 * <pre>{@code
 * WordBpeVocabulary bpe = WordBpeVocabulary.learn(CaptionVocabulary.words());
 * Set<String> prepositions = CaptionVocabulary.wordsOf(PartOfSpeech.PREPOSITION);
 * }</pre>
 */
public final class CaptionVocabulary {

  private static final Map<String, PartOfSpeech> WORDS = build();

  private CaptionVocabulary() {}

  /** Every caption word, sorted. */
  public static List<String> words() {
    return List.copyOf(WORDS.keySet());
  }

  /** Whether a word belongs to the vocabulary. */
  public static boolean contains(String word) {
    return WORDS.containsKey(word);
  }

  /** A word's part of speech; fails naming the word when it is not a caption word. */
  public static PartOfSpeech partOfSpeech(String word) {
    PartOfSpeech p = WORDS.get(word);
    if (p == null) {
      throw new IllegalArgumentException("'" + word + "' is not a FigureWorld caption word; the "
          + WORDS.size() + " words are " + WORDS.keySet());
    }
    return p;
  }

  /** The words of one part of speech, sorted. */
  public static Set<String> wordsOf(PartOfSpeech pos) {
    Set<String> out = new TreeSet<>();
    WORDS.forEach((w, p) -> {
      if (p == pos) {
        out.add(w);
      }
    });
    return Collections.unmodifiableSet(out);
  }

  /** Parts of speech and their words, for logging or export. */
  public static Map<PartOfSpeech, Set<String>> byPartOfSpeech() {
    Map<PartOfSpeech, Set<String>> out = new EnumMap<>(PartOfSpeech.class);
    for (PartOfSpeech p : PartOfSpeech.values()) {
      out.put(p, wordsOf(p));
    }
    return out;
  }

  private static Map<String, PartOfSpeech> build() {
    Map<String, PartOfSpeech> m = new TreeMap<>();
    List<String> nouns = new ArrayList<>(List.of("hat", "hats", "hands"));
    for (FigureKind k : FigureKind.values()) {
      nouns.add(k.noun());
      nouns.add(k.plural());
    }
    for (ObjectKind o : ObjectKind.values()) {
      nouns.add(o.noun());
    }
    for (Background b : Background.values()) {
      nouns.add(b.noun());
    }
    nouns.forEach(w -> m.put(w, PartOfSpeech.NOUN));
    for (Colour c : Colour.values()) {
      m.put(c.word(), PartOfSpeech.ADJECTIVE);
    }
    for (Size s : Size.values()) {
      m.put(s.word(), PartOfSpeech.ADJECTIVE);
    }
    for (Pose p : Pose.values()) {
      m.put(p.word(), PartOfSpeech.VERB);
    }
    m.put("holding", PartOfSpeech.VERB);
    m.put("facing", PartOfSpeech.VERB);
    // "next to", "on top of" and "with" are multi-word or plain prepositions; each word counts as one.
    for (String w : List.of("next", "to", "behind", "on", "top", "of", "with", "in")) {
      m.put(w, PartOfSpeech.PREPOSITION);
    }
    for (String w : List.of("a", "two", "three", "four")) {
      m.put(w, PartOfSpeech.DETERMINER);
    }
    m.put("and", PartOfSpeech.CONJUNCTION);
    return Collections.unmodifiableMap(m);
  }
}
