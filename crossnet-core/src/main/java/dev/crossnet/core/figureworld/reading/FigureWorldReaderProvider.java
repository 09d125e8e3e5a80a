package dev.crossnet.core.figureworld.reading;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.reading.ReadModel;
import dev.crossnet.api.reading.ReaderProvider;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;

/**
 * Contributes the {@code figureworld} reader ({@link FigureWorldReader}) for models that draw FigureWorld: the
 * embedded default model, and any model whose folder ships its own FigureWorld judge ({@link ModelJudge}: the
 * built-in {@code figureworld-v2} does). It reads with the model's own judge where the model ships one, else with
 * the bundled judge.
 */
public final class FigureWorldReaderProvider implements ReaderProvider {

  /** The reader's plugin name. */
  public static final String NAME = "figureworld";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "FigureWorld pictures, read by the FigureWorld judge (pose, size and kind of occupants and subjects)";
  }

  @Override
  public boolean reads(ReadModel model) {
    return model.embeddedDefault() || model.folder().map(ModelJudge::ships).orElse(false);
  }

  @Override
  public SceneReader open(ReadModel model, NDManager manager) {
    boolean own = model.folder().map(ModelJudge::ships).orElse(false);
    return new FigureWorldReader(m -> own ? Judge.load(ModelJudge.folder(model.folder().get()), m)
        : FigureWorldJudge.bundled(m), manager);
  }
}
