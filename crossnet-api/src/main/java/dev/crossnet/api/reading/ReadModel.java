package dev.crossnet.api.reading;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The model an edit runs on, as a reader sees it.
 *
 * @param folder the model's folder (diffusers layout), where it has one; a reader may keep its own parts there
 *     (FigureWorld's keeps its judge in {@code judge/})
 * @param embeddedDefault whether it is the default model embedded in CrossNet (the application named no model)
 */
public record ReadModel(Optional<Path> folder, boolean embeddedDefault) {

  public ReadModel {
    Objects.requireNonNull(folder, "folder");
  }

  /** A model loaded from {@code folder}. */
  public static ReadModel at(Path folder) {
    return new ReadModel(Optional.of(folder), false);
  }
}
