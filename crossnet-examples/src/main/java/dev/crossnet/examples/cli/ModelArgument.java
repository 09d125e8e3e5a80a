package dev.crossnet.examples.cli;

import dev.crossnet.core.model.DefaultModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The value of a {@code --model} option: the name of a built-in model ({@link DefaultModel#NAMES}:
 * {@code figureworld}, {@code figureworld-v2}, {@code figureworld-v2-inpainting}) or a diffusers model folder. A folder of that name wins over the
 * built-in model.
 */
public final class ModelArgument {

  public static final String DESCRIPTION = "A built-in model (figureworld, the 64x64 default; figureworld-v2, 128x128; "
      + "figureworld-v2-inpainting, its inpainting UNet) "
      + "or a diffusers model folder (default: figureworld).";

  private ModelArgument() {}

  /** The folder to load: the value itself, or the built-in model's cached copy; null stays null. */
  public static Path folder(Path value) {
    if (value != null && !Files.exists(value) && DefaultModel.NAMES.contains(value.toString())) {
      return DefaultModel.folder(value.toString());
    }
    return value;
  }
}
