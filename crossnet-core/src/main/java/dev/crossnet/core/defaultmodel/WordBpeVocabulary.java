package dev.crossnet.core.defaultmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns a CLIP-format byte-level BPE vocabulary ({@code vocab.json} + {@code merges.txt}) from a closed
 * word list, merging the most frequent adjacent pair (ties: the pair that sorts first) until every word is a
 * single token. The default model's captions then tokenize one word to one token, while any other text still
 * tokenizes (into byte pieces), as with a real CLIP tokenizer.
 */
public final class WordBpeVocabulary {

  public static final String END_OF_WORD = "</w>";
  public static final String START = "<|startoftext|>";
  public static final String END = "<|endoftext|>";

  private final List<String> merges;
  private final Map<String, Integer> vocabulary;

  private WordBpeVocabulary(List<String> merges, Map<String, Integer> vocabulary) {
    this.merges = List.copyOf(merges);
    this.vocabulary = vocabulary;
  }

  /** Learns merges from these words (lower-case ASCII letters; duplicates ignored). */
  public static WordBpeVocabulary learn(List<String> words) {
    List<List<String>> pieces = new ArrayList<>();
    for (String w : new java.util.TreeSet<>(words)) {
      if (!w.matches("[a-z]+")) {
        throw new IllegalArgumentException("vocabulary word '" + w + "' must be lower-case ASCII letters");
      }
      List<String> p = new ArrayList<>();
      for (int i = 0; i < w.length(); i++) {
        p.add(w.charAt(i) + (i == w.length() - 1 ? END_OF_WORD : ""));
      }
      pieces.add(p);
    }
    List<String> merges = new ArrayList<>();
    while (true) {
      Map<String, Integer> counts = new TreeMap<>();
      for (List<String> p : pieces) {
        for (int i = 0; i + 1 < p.size(); i++) {
          counts.merge(p.get(i) + " " + p.get(i + 1), 1, Integer::sum);
        }
      }
      if (counts.isEmpty()) {
        break;
      }
      String best = null;
      int bestCount = 0;
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (e.getValue() > bestCount) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      merges.add(best);
      String[] ab = best.split(" ");
      for (List<String> p : pieces) {
        for (int i = 0; i + 1 < p.size(); i++) {
          if (p.get(i).equals(ab[0]) && p.get(i + 1).equals(ab[1])) {
            p.set(i, ab[0] + ab[1]);
            p.remove(i + 1);
          }
        }
      }
    }
    Map<String, Integer> vocab = new LinkedHashMap<>();
    List<String> bytes = byteSymbols();
    for (String b : bytes) {
      vocab.put(b, vocab.size());
    }
    for (String b : bytes) {
      vocab.put(b + END_OF_WORD, vocab.size());
    }
    for (String m : merges) {
      vocab.putIfAbsent(m.replace(" ", ""), vocab.size());
    }
    vocab.put(START, vocab.size());
    vocab.put(END, vocab.size());
    return new WordBpeVocabulary(merges, vocab);
  }

  /** CLIP's printable stand-ins for the 256 byte values, in byte order. */
  static List<String> byteSymbols() {
    Map<Integer, Integer> map = new HashMap<>();
    int extra = 0;
    List<String> out = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      int code = printable ? b : 256 + extra++;
      map.put(b, code);
    }
    // CLIP orders the vocabulary by the printable bytes first, then the remapped ones
    for (int b = 0; b < 256; b++) {
      if (map.get(b) == b) {
        out.add(new String(Character.toChars(b)));
      }
    }
    for (int b = 0; b < 256; b++) {
      if (map.get(b) != b) {
        out.add(new String(Character.toChars(map.get(b))));
      }
    }
    return out;
  }

  public List<String> merges() {
    return merges;
  }

  public Map<String, Integer> vocabulary() {
    return vocabulary;
  }

  /** The {@code merges.txt} text, with its version header. */
  public String mergesText() {
    StringBuilder sb = new StringBuilder("#version: 0.2\n");
    merges.forEach(m -> sb.append(m).append('\n'));
    return sb.toString();
  }

  /** The {@code vocab.json} text. */
  public String vocabularyJson() {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(escape(e.getKey())).append("\":").append(e.getValue());
    }
    return sb.append('}').toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
