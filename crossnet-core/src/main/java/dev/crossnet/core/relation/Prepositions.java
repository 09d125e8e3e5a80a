package dev.crossnet.core.relation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * English prepositions, a closed word class that WordNet does not cover (it has nouns, verbs, adjectives and
 * adverbs only). The list is the one ReVersion steers its relation token toward ({@code
 * templates/relation_words.py}, 56 single-word prepositions), kept as the resource {@code prepositions.txt}
 * beside this class. It is a fixed list by nature, not derived from a lexicon.
 */
public final class Prepositions {

  private static final Set<String> WORDS = read();

  private Prepositions() {}

  /** The prepositions, sorted, lower case. */
  public static Set<String> words() {
    return WORDS;
  }

  public static boolean contains(String word) {
    return WORDS.contains(word);
  }

  private static Set<String> read() {
    Set<String> out = new TreeSet<>();
    try (InputStream in = Prepositions.class.getResourceAsStream("prepositions.txt")) {
      if (in == null) {
        throw new IllegalStateException("prepositions.txt is missing beside " + Prepositions.class.getName()
            + "; the crossnet-core jar is incomplete");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.trim();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return java.util.Collections.unmodifiableSet(out);
  }
}
