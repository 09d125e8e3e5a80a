package dev.crossnet.examples.cli;

import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
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

  /**
   * The strength an edit starts from when none is given: 1.0 where the model's UNet is an inpainting one (it draws
   * into the emptied region, and the docs measured it there), else 0.8 (chosen on the 64x64 model). A folder
   * without a readable UNet config gets 0.8; loading it then names its problem.
   */
  public static double defaultStrength(Path modelFolder) {
    if (modelFolder == null || !Files.isRegularFile(modelFolder.resolve("unet").resolve("config.json"))) {
      return 0.8;
    }
    try {
      return InpaintingUnets.isInpainting(modelFolder.resolve("unet")) ? 1.0 : 0.8;
    } catch (RuntimeException unreadable) {
      return 0.8;
    }
  }
}
