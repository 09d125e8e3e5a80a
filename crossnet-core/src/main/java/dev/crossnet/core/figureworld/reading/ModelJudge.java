package dev.crossnet.core.figureworld.reading;

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
    return model.source() != null && ships(model.source());
  }

  /** Whether the model folder {@code modelFolder} holds its own FigureWorld judge. */
  public static boolean ships(Path modelFolder) {
    return Files.isRegularFile(folder(modelFolder).resolve("judge.json"));
  }

  /** The model's own judge when it ships one, else the bundled judge; loaded into {@code manager}. */
  public static Judge load(DiffusionModel model, NDManager manager) {
    return ships(model) ? Judge.load(folder(model.source()), manager) : FigureWorldJudge.bundled(manager);
  }

  /** The folder a model's own judge lives in, inside the model folder {@code modelFolder}. */
  public static Path folder(Path modelFolder) {
    return modelFolder.resolve(COMPONENT);
  }
}
