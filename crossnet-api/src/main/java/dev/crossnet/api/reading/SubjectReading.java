package dev.crossnet.api.reading;

import java.util.List;
import java.util.Objects;

/**
 * What a reader read of a subject from its pictures.
 *
 * @param kind what the subject is, as a noun the model knows
 * @param size its size in words, for the edit's record
 * @param height how tall it is drawn, on the reader's own scale (see {@link OccupantReading#height()})
 * @param skeleton its body plan (see {@link OccupantReading#skeleton()})
 * @param words the words that stand for the subject's look in the captions the model learned from, in caption
 *     order; an edit whose subject is read (the appearance branch's {@code source=encoder}) uses their embeddings
 *     as the subject's word
 * @param leadingWords the words {@code words} follow in those captions (e.g. the article "a"), which the edit
 *     puts before the subject's word when the prompt has none there; empty for none
 * @param description what the reader saw, in words, for the edit's record
 */
public record SubjectReading(String kind, String size, double height, String skeleton, List<WordSlot> words,
    String leadingWords, String description) {

  public SubjectReading {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(skeleton, "skeleton");
    words = List.copyOf(words);
    Objects.requireNonNull(leadingWords, "leadingWords");
    Objects.requireNonNull(description, "description");
    if (!(height > 0) || Double.isInfinite(height)) {
      throw new IllegalArgumentException("height " + height + " must be positive and finite");
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a subject reading needs at least one word slot");
    }
  }

  /** Whether the subject's skeleton differs from the occupant's, so the occupant's outline does not fit it. */
  public boolean unlike(OccupantReading occupant) {
    return !skeleton.equals(occupant.skeleton());
  }

  /** The subject's height over the occupant's. */
  public double heightOver(OccupantReading occupant) {
    return height / occupant.height();
  }
}
