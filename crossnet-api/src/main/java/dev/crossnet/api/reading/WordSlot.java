package dev.crossnet.api.reading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One place in the words that stand for a subject: either a weighted mixture of alternative words, which becomes
 * one embedding row (e.g. {@code 0.9 red + 0.1 blue}), or a fixed phrase, which becomes the rows of its tokens
 * (e.g. "with a hat").
 *
 * @param mixture word to weight, weights summing to about 1; empty for a phrase
 * @param phrase the phrase's words; empty for a mixture
 */
public record WordSlot(Map<String, Double> mixture, String phrase) {

  public WordSlot {
    mixture = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(mixture)));
    Objects.requireNonNull(phrase, "phrase");
    if (mixture.isEmpty() == phrase.isBlank()) {
      throw new IllegalArgumentException("a word slot is either a mixture of words or a phrase, not both or "
          + "neither");
    }
    for (Map.Entry<String, Double> e : mixture.entrySet()) {
      if (e.getKey().isBlank() || !(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
        throw new IllegalArgumentException("mixture word '" + e.getKey() + "' has weight " + e.getValue()
            + "; give non-blank words with finite weights >= 0");
      }
    }
  }

  /** One row: the weighted mean of the words' embeddings. */
  public static WordSlot mixture(Map<String, Double> weights) {
    return new WordSlot(weights, "");
  }

  /** The rows of the phrase's tokens. */
  public static WordSlot phrase(String words) {
    return new WordSlot(Map.of(), words);
  }

  /** Whether this is a fixed phrase rather than a mixture. */
  public boolean isPhrase() {
    return !phrase.isBlank();
  }
}
