package dev.crossnet.core.edit.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.model.DiffusionModel;

/**
 * Maps a subject's reference pictures (each read inside its mask when the subject has one) to the embedding
 * rows that stand for the subject's word in the prompt: the training-free alternative to
 * {@link dev.crossnet.core.edit.TextualInversion}. The rows live in the model's text-encoder token-embedding
 * space, so they can be used, saved and reloaded exactly like learned rows.
 *
 * <pre>{@code
 * SubjectEncoder.Encoding e = new ReadingEncoder(reader, "figureworld").encode(subject, model, manager);
 * EmbeddingFile.save(file, subject.word(), e.rows());
 * }</pre>
 */
public interface SubjectEncoder {

  /**
   * What an encoder made of a subject.
   *
   * @param rows [tokens, hidden] in the caller's manager, in the text encoder's embedding space
   * @param description what the encoder saw, in words, for the edit's record
   * @param leadingWords the words the rows follow in the captions the model learned from, which the edit puts
   *     before the subject's word when the prompt has no determiner there (e.g. "a"; empty for none)
   */
  record Encoding(NDArray rows, String description, String leadingWords) {

    /** An encoding whose rows need no words before them. */
    public Encoding(NDArray rows, String description) {
      this(rows, description, "");
    }
  }

  /**
   * Encodes the subject's pictures for {@code model}.
   *
   * @param manager where the returned rows live; everything else the encoder makes is freed before it returns
   * @throws IllegalArgumentException when the subject has no pictures, or the model cannot take the encoding
   */
  Encoding encode(Subject subject, DiffusionModel model, NDManager manager);
}
