package dev.crossnet.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CLIP's BPE on one pre-token: start from its characters with {@code </w>} on the last, then repeatedly
 * merge the adjacent pair with the lowest merge rank until no ranked pair is left.
 */
final class BytePairEncoder {

  static final String END_OF_WORD = "</w>";
  /** Results are cached per pre-token like the reference; the bound keeps odd inputs from growing it forever. */
  private static final int CACHE_LIMIT = 100_000;

  private final Map<String, Integer> ranks;
  private final List<String> merges;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  /** {@code merges} are "left right" lines in rank order. */
  BytePairEncoder(List<String> merges) {
    this.merges = List.copyOf(merges);
    this.ranks = new HashMap<>();
    for (int i = 0; i < merges.size(); i++) {
      ranks.putIfAbsent(merges.get(i), i);
    }
  }

  List<String> merges() {
    return merges;
  }

  /** The symbols of one byte-level pre-token after merging. */
  List<String> encode(String token) {
    List<String> cached = cache.get(token);
    if (cached != null) {
      return cached;
    }
    List<String> word = new ArrayList<>();
    for (int i = 0; i < token.length(); i++) {
      word.add(i == token.length() - 1 ? token.charAt(i) + END_OF_WORD : String.valueOf(token.charAt(i)));
    }
    while (word.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      String bestLeft = null;
      String bestRight = null;
      for (int i = 0; i + 1 < word.size(); i++) {
        Integer rank = ranks.get(word.get(i) + " " + word.get(i + 1));
        if (rank != null && rank < bestRank) {
          bestRank = rank;
          bestLeft = word.get(i);
          bestRight = word.get(i + 1);
        }
      }
      if (bestLeft == null) {
        break;
      }
      List<String> merged = new ArrayList<>(word.size());
      for (int i = 0; i < word.size(); i++) {
        if (i + 1 < word.size() && word.get(i).equals(bestLeft) && word.get(i + 1).equals(bestRight)) {
          merged.add(bestLeft + bestRight);
          i++;
        } else {
          merged.add(word.get(i));
        }
      }
      word = merged;
    }
    List<String> result = List.copyOf(word);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(token, result);
    return result;
  }
}
