package dev.crossnet.api.plugin;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name a mistyped one was most likely meant to be, for "did you mean ...?" in error messages. */
public final class Spelling {

  private Spelling() {}

  /**
   * The name of {@code known} closest to {@code wrong} by edit distance (ties: alphabetical), or empty when even
   * the closest needs more than a third of {@code wrong}'s characters changed (at least two are always allowed).
   */
  public static Optional<String> closest(String wrong, Collection<String> known) {
    int allowed = Math.max(2, wrong.length() / 3);
    return known.stream()
        .filter(name -> distance(wrong, name) <= allowed)
        .min(Comparator.<String>comparingInt(name -> distance(wrong, name)).thenComparing(Comparator.naturalOrder()));
  }

  /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
