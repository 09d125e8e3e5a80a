package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.weights.SafetensorsFile;
import dev.crossnet.core.weights.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learned subject as a safetensors file: one tensor named by the subject's word, [tokens, width] (the
 * layout diffusers' textual-inversion files use), with the word, the text encoder's width and the words the rows
 * follow (see {@link #leadingWords}) as metadata. Written atomically, so a crash never leaves a half file behind.
 */
public final class EmbeddingFile {

  private EmbeddingFile() {}

  /** The metadata key of the words the rows follow. */
  static final String LEADING_WORDS = "crossnet.leading-words";

  /** Writes {@code rows} [K, D] for {@code word}, which follow no particular words. */
  public static void save(Path file, String word, NDArray rows) {
    save(file, word, rows, "");
  }

  /**
   * Writes {@code rows} [K, D] for {@code word}.
   *
   * @param leadingWords the words the rows were learned or made to follow (e.g. "a" for the template "a {}"),
   *     which an edit puts before the word when its prompt has no determiner there; empty for none
   */
  public static void save(Path file, String word, NDArray rows, String leadingWords) {
    if (rows.getShape().dimension() != 2) {
      throw new IllegalArgumentException("embedding rows must be [tokens, width], got " + rows.getShape());
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create the folder of " + file, e);
    }
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    tensors.put(word, rows.toType(ai.djl.ndarray.types.DataType.FLOAT32, false));
    SafetensorsWriter.write(file, tensors, Map.of("crossnet.word", word, "crossnet.width",
        Long.toString(rows.getShape().get(1)), LEADING_WORDS, leadingWords.trim()));
  }

  /** The words the file's rows follow (saved with them), or "" when it names none (e.g. a diffusers file). */
  public static String leadingWords(Path file) {
    try (SafetensorsFile f = SafetensorsFile.open(file)) {
      return f.metadata().getOrDefault(LEADING_WORDS, "");
    }
  }

  /**
   * Reads the rows [K, D] into {@code manager}; a single [D] vector is read as one token.
   *
   * @param width the text encoder's embedding width, which the file must match
   */
  public static NDArray load(Path file, String word, long width, NDManager manager) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("embedding file " + file + " of subject '" + word + "' does not exist; "
          + "learn it first (the appearance branch's save-to option writes one)");
    }
    try (SafetensorsFile f = SafetensorsFile.open(file)) {
      String name = f.names().contains(word) ? word : f.names().size() == 1 ? f.names().iterator().next() : null;
      if (name == null) {
        throw new IllegalArgumentException("embedding file " + file + " holds " + f.names() + " but no tensor "
            + "named '" + word + "'; load it with the word it was learned for");
      }
      // a copy: the loaded array may be backed by the mapping, which closes with the file
      NDArray rows = f.load(name, manager).toType(ai.djl.ndarray.types.DataType.FLOAT32, true);
      if (rows.getShape().dimension() == 1) {
        rows = rows.reshape(1, -1);
      }
      if (rows.getShape().dimension() != 2 || rows.getShape().get(1) != width) {
        throw new IllegalArgumentException("embedding file " + file + " has rows " + rows.getShape()
            + " but this model's text encoder is " + width + " wide; it was learned for another model");
      }
      return rows;
    }
  }
}
