package dev.crossnet.core.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which words a model's tokenizer knows. A word is known when it is one token, or several word pieces none of
 * which is a lone character: a byte-level tokenizer spells any word it lacks with lone characters, whose
 * embedding rows say nothing of the word. (The embedded default model knows FigureWorld's caption words, and
 * not, for example, "photo".)
 */
public final class Vocabulary {

  private final PromptTokenizer tokenizer;
  private final long tableRows;

  /**
   * @param tokenizer the model's tokenizer
   * @param tableRows rows of the text encoder's token embedding table (an id beyond them is not known)
   */
  public Vocabulary(PromptTokenizer tokenizer, long tableRows) {
    this.tokenizer = tokenizer;
    this.tableRows = tableRows;
  }

  /** Whether the tokenizer knows {@code word} (one word, no spaces). */
  public boolean knows(String word) {
    return spelling(word).isPresent();
  }

  /** The token ids of {@code word} (one word, no spaces) when the tokenizer knows it, else empty. */
  public Optional<int[]> spelling(String word) {
    int[] ids = tokenizer.tokenize(word);
    if (ids.length == 0) {
      return Optional.empty();
    }
    for (int id : ids) {
      if (id < 0 || id >= tableRows) {
        return Optional.empty();
      }
    }
    if (ids.length > 1) {
      for (int id : ids) {
        if (tokenizer.decode(new int[] {id}).strip().length() < 2) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(ids);
  }

  /**
   * The words of {@code text} (split on white space; {@code {}} placeholders skipped) that the tokenizer does
   * not know, in order, each once.
   */
  public List<String> unknownWords(String text) {
    Set<String> unknown = new LinkedHashSet<>();
    for (String word : text.strip().split("\\s+")) {
      if (!word.isEmpty() && !word.equals("{}") && !knows(word)) {
        unknown.add(word);
      }
    }
    return new ArrayList<>(unknown);
  }
}
