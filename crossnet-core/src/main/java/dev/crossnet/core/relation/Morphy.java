package dev.crossnet.core.relation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base forms of an inflected word, following WordNet's morphy (WordNet's morphy(7WN) page): the word's
 * entry in the exception list of its part of speech, then the detachment rules (e.g. "-ies" to "-y" for
 * nouns, "-ing" to "" or "-e" for verbs, "-er"/"-est" for adjectives). Candidates are not checked here; the
 * lexicon keeps those it knows.
 */
final class Morphy {

  private static final Map<WordNetLexicon.Pos, String[][]> RULES = Map.of(
      WordNetLexicon.Pos.NOUN, new String[][] {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"},
          {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
      WordNetLexicon.Pos.VERB, new String[][] {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"},
          {"ed", ""}, {"ing", "e"}, {"ing", ""}},
      WordNetLexicon.Pos.ADJECTIVE, new String[][] {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
      WordNetLexicon.Pos.ADVERB, new String[][] {});

  private Morphy() {}

  /** The word itself, its exception-list bases, then rule-made bases, without duplicates. */
  static List<String> candidates(String word, WordNetLexicon.Pos pos, Map<String, List<String>> exceptions) {
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    out.addAll(exceptions.getOrDefault(word, List.of()));
    for (String[] rule : RULES.get(pos)) {
      if (word.endsWith(rule[0]) && word.length() > rule[0].length() + 1) {
        out.add(word.substring(0, word.length() - rule[0].length()) + rule[1]);
      }
    }
    return new ArrayList<>(out);
  }
}
