package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.text.PromptTokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prompt with subject words spelled as token ids. A word with learned embeddings becomes as many "carrier"
 * tokens as it has rows: vocabulary ids that the prompt does not otherwise use, whose embeddings are overridden
 * by the rows. Carriers leave the shared tokenizer untouched (no placeholder is added, so a cached model
 * serves many edits and threads) and stay below the end-of-text id that CLIP pools at.
 *
 * <p>A prompt that lacks a subject's word gets the word appended (" word"), so every subject's branch is
 * triggered; an empty prompt becomes the words joined by " and ".
 */
public final class SubjectPrompt {

  private static final Logger LOG = LoggerFactory.getLogger(SubjectPrompt.class);

  /**
   * @param text the prompt as used (words appended)
   * @param ids padded token ids, bos first
   * @param overrides carrier id to the embedding row [D] it stands for
   * @param positions per subject (in the order given), the token positions of its word
   */
  public record Layout(String text, long[] ids, Map<Long, NDArray> overrides, List<int[]> positions) {}

  private SubjectPrompt() {}

  /** The prompt text as the edit uses it: words appended when missing, words alone when empty. */
  public static String complete(String prompt, List<String> words) {
    if (prompt == null || prompt.isBlank()) {
      return String.join(" and ", words);
    }
    StringBuilder text = new StringBuilder(prompt);
    for (String w : words) {
      if (!names(prompt, w)) {
        LOG.info("prompt '{}' does not name subject '{}'; appending the word", prompt, w);
        text.append(' ').append(w);
      }
    }
    return text.toString();
  }

  /**
   * The text with words inserted right after the first mention of a subject's word, e.g. {@code "a <it>"} and
   * {@code <it> -> "waving"} give {@code "a <it> waving"}. Words whose subject the text does not name are left
   * out (complete the prompt first).
   */
  public static String insertAfter(String text, Map<String, String> additions) {
    String out = text;
    for (Map.Entry<String, String> e : additions.entrySet()) {
      if (e.getValue().isBlank()) {
        continue;
      }
      Matcher m = wordPattern(e.getKey()).matcher(out);
      if (m.find()) {
        out = out.substring(0, m.end()) + " " + e.getValue().trim() + out.substring(m.end());
      } else {
        LOG.warn("prompt '{}' does not name subject '{}'; '{}' is not added", out, e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * The text with words inserted right before the first mention of a subject's word, e.g. {@code "<it> waving"}
   * and {@code <it> -> "a"} give {@code "a <it> waving"}. Nothing is inserted where the word before the subject's
   * is already a determiner ({@link #DETERMINERS}: "the <it>", "two <it>") or the words to insert; words whose
   * subject the text does not name are left out (complete the prompt first).
   */
  public static String insertBefore(String text, Map<String, String> additions) {
    String out = text;
    for (Map.Entry<String, String> e : additions.entrySet()) {
      String words = e.getValue().trim();
      if (words.isEmpty()) {
        continue;
      }
      Matcher m = wordPattern(e.getKey()).matcher(out);
      if (!m.find()) {
        LOG.warn("prompt '{}' does not name subject '{}'; '{}' is not added", out, e.getKey(), words);
        continue;
      }
      String before = out.substring(0, m.start()).trim();
      String previous = before.substring(before.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
      if (DETERMINERS.contains(previous) || (" " + before).endsWith(" " + words)) {
        continue;
      }
      out = out.substring(0, m.start()) + words + " " + out.substring(m.start());
    }
    return out;
  }

  /** Words that already stand before a subject's word as its determiner, so nothing is inserted there. */
  public static final Set<String> DETERMINERS = Set.of("a", "an", "the", "one", "two", "three", "four", "five",
      "six", "seven", "eight", "nine", "ten", "some", "many", "several", "this", "that", "these", "those", "my",
      "your", "his", "her", "its", "our", "their", "each", "every", "no", "another", "any");

  /** Whether {@code text} names {@code word} as a whole word (not inside a longer word or placeholder). */
  public static boolean names(String text, String word) {
    return wordPattern(word).matcher(text).find();
  }

  private static Pattern wordPattern(String word) {
    return Pattern.compile("(?<![\\w<>-])" + Pattern.quote(word) + "(?![\\w<>-])");
  }

  /**
   * Lays out the prompt.
   *
   * @param words the subjects' words, in replacement order
   * @param embeddings learned rows per word, [K, D]; subject words without are tokenized as ordinary text, and
   *     words that are not subjects' (a branch's own placeholder, e.g. a learned action) take their rows wherever
   *     the prompt names them
   * @throws IllegalArgumentException when the prompt is too long to keep every subject word
   */
  public static Layout build(PromptTokenizer tokenizer, String prompt, List<String> words,
      Map<String, NDArray> embeddings) {
    String text = complete(prompt, words);
    List<String> placeholders = new ArrayList<>(words);
    embeddings.keySet().stream().filter(w -> !words.contains(w)).forEach(placeholders::add);
    StringBuilder alternation = new StringBuilder();
    for (String w : placeholders) {
      alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(w));
    }
    Matcher m = Pattern.compile("(?<![\\w<>-])(" + alternation + ")(?![\\w<>-])").matcher(text);
    List<long[]> pieces = new ArrayList<>();
    List<String> pieceWord = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      pieces.add(toLong(tokenizer.tokenize(text.substring(last, m.start()))));
      pieceWord.add(null);
      String w = m.group(1);
      NDArray rows = embeddings.get(w);
      pieces.add(rows == null ? toLong(tokenizer.tokenize(w)) : new long[(int) rows.getShape().get(0)]);
      pieceWord.add(w);
      last = m.end();
    }
    pieces.add(toLong(tokenizer.tokenize(text.substring(last))));
    pieceWord.add(null);

    Set<Long> used = new HashSet<>();
    for (int i = 0; i < pieces.size(); i++) {
      if (pieceWord.get(i) == null || !embeddings.containsKey(pieceWord.get(i))) {
        for (long id : pieces.get(i)) {
          used.add(id);
        }
      }
    }
    used.add((long) tokenizer.bosId());
    used.add((long) tokenizer.eosId());
    used.add((long) tokenizer.padId());
    Map<String, long[]> carriers = new LinkedHashMap<>();
    Map<Long, NDArray> overrides = new LinkedHashMap<>();
    long next = 0;
    for (String w : placeholders) {
      NDArray rows = embeddings.get(w);
      if (rows == null) {
        continue;
      }
      long[] ids = new long[(int) rows.getShape().get(0)];
      for (int k = 0; k < ids.length; k++) {
        while (used.contains(next)) {
          next++;
        }
        ids[k] = next;
        used.add(next);
        overrides.put(next, rows.get(k));
      }
      carriers.put(w, ids);
    }

    int max = tokenizer.maxLength();
    long[] ids = new long[max];
    java.util.Arrays.fill(ids, tokenizer.padId());
    ids[0] = tokenizer.bosId();
    int pos = 1;
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      String w = pieceWord.get(i);
      long[] piece = w != null && carriers.containsKey(w) ? carriers.get(w) : pieces.get(i);
      for (long id : piece) {
        if (pos >= max - 1) {
          break;
        }
        if (w != null) {
          positions.computeIfAbsent(w, k -> new ArrayList<>()).add(pos);
        }
        ids[pos++] = id;
      }
    }
    ids[pos] = tokenizer.eosId();
    List<int[]> perSubject = new ArrayList<>();
    for (String w : words) {
      List<Integer> p = positions.get(w);
      if (p == null || p.isEmpty()) {
        throw new IllegalArgumentException("the prompt '" + text + "' is longer than the text encoder's "
            + (max - 2) + " tokens and subject word '" + w + "' fell off its end; shorten the prompt or "
            + "name the subject earlier");
      }
      perSubject.add(p.stream().mapToInt(Integer::intValue).toArray());
    }
    return new Layout(text, ids, overrides, perSubject);
  }

  private static long[] toLong(int[] ids) {
    long[] out = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i];
    }
    return out;
  }
}
