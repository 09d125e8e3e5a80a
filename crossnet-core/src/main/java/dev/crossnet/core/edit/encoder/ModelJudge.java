package dev.crossnet.core.edit.encoder;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.model.DiffusionModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The FigureWorld judge that reads subjects and occupants for a model. A FigureWorld model may ship its own judge
 * as a {@code judge/} folder beside its components (the built-in {@code figureworld-v2} does: its pictures are
 * 128x128 with figures drawn large, which the bundled 64x64 judge was not trained on); any other model is read,
 * where the edit asks for FigureWorld readings at all, by the bundled judge.
 */
public final class ModelJudge {

  /** The folder, beside {@code unet/} and the other components, a model's own judge lives in. */
  public static final String COMPONENT = "judge";

  private ModelJudge() {}

  /** Whether {@code model}'s folder holds its own FigureWorld judge. */
  public static boolean ships(DiffusionModel model) {
    return model.source() != null && Files.isRegularFile(folder(model).resolve("judge.json"));
  }

  /** The model's own judge when it ships one, else the bundled judge; loaded into {@code manager}. */
  public static Judge load(DiffusionModel model, NDManager manager) {
    return ships(model) ? Judge.load(folder(model), manager) : FigureWorldJudge.bundled(manager);
  }

  private static Path folder(DiffusionModel model) {
    return model.source().resolve(COMPONENT);
  }
}
