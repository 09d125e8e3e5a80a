package dev.crossnet.core.relation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.weights.SafetensorsFile;
import dev.crossnet.core.weights.SafetensorsWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A learned token: its placeholder text (e.g. {@code "<R>"}) and its embedding row [D]. Saved as safetensors
 * with one tensor named after the placeholder, the layout diffusers' {@code load_textual_inversion} reads;
 * the file is written to a temporary name and moved into place, so a crash never leaves half a file.
 *
 * @param placeholder the token's text in prompts
 * @param embedding the row [D]
 */
public record LearnedToken(String placeholder, NDArray embedding) {

  public LearnedToken {
    Objects.requireNonNull(placeholder, "placeholder");
    if (embedding.getShape().dimension() != 1) {
      throw new IllegalArgumentException("a learned token's embedding is one row [D], got "
          + embedding.getShape());
    }
  }

  /** Writes the token atomically. */
  public void save(Path file) {
    SafetensorsWriter.write(file, Map.of(placeholder, embedding), Map.of("placeholder", placeholder,
        "format", "crossnet learned token"));
  }

  /** Reads a token written by {@link #save(Path)} (or any safetensors file holding one [D] tensor). */
  public static LearnedToken load(Path file, NDManager manager) {
    try (SafetensorsFile f = SafetensorsFile.open(file)) {
      if (f.names().size() != 1) {
        throw new IllegalArgumentException(file + " holds " + f.names().size() + " tensors " + f.names()
            + "; a learned-token file holds exactly one, named after its placeholder");
      }
      String name = f.names().iterator().next();
      String placeholder = f.metadata().getOrDefault("placeholder", name);
      NDArray row = f.load(name, manager);
      return new LearnedToken(placeholder, row.reshape(-1));
    }
  }
}
