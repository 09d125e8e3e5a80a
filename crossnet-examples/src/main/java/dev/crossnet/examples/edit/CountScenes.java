package dev.crossnet.examples.edit;

import dev.crossnet.api.region.Box;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import java.util.Optional;

/**
 * FigureWorld scenes of one figure for count changes: a scene whose figure fits {@code count} times across the
 * frame, and a box about the figure a little wider than {@code count} such figures (half a figure more, plus 8
 * pixels, at most the frame less 8), as the count benchmark's tuning set advised.
 */
public final class CountScenes {

  /** A scene, its one figure and the box asked to hold several of it. */
  public record CountScene(long seed, Scene scene, FigureTruth figure, Box box) {}

  private CountScenes() {}

  /** The world of one-figure scenes without relations drawn from {@code options}. */
  public static SceneGenerator oneFigure(SceneOptions options) {
    return new SceneGenerator(options.withFigures(1, 1).withRelationChance(0));
  }

  /** The first scene of {@code world} from {@code seed} on (1,000 tried) whose figure fits {@code count} times. */
  public static Optional<CountScene> first(SceneGenerator world, long seed, int count) {
    for (long s = seed; s < seed + 1000; s++) {
      Scene scene = world.generate(s);
      FigureTruth figure = scene.figures().get(0);
      Box bounds = figure.mask().bounds().orElseThrow();
      int side = scene.picture().width();
      if (bounds.width() * count + 8 <= side - 8) {
        return Optional.of(new CountScene(s, scene, figure, advised(bounds, side, scene.picture().height(), count)));
      }
    }
    return Optional.empty();
  }

  /** The advised box for {@code count} of a figure: half a figure wider than that many, plus 8 pixels. */
  public static Box advised(Box figure, int side, int height, int count) {
    return about(figure, side, height, Math.min(figure.width() * (2 * count + 1) / 2 + 8, side - 8));
  }

  /**
   * A box {@code width} pixels wide about a figure: centred on it where the frame allows (4 pixels from each side at
   * least), as tall as the figure and 4 pixels more above and below.
   */
  public static Box about(Box figure, int side, int height, int width) {
    int x = Math.max(4, Math.min(side - 4 - width, figure.x() + figure.width() / 2 - width / 2));
    int top = Math.max(0, figure.y() - 4);
    int bottom = Math.min(height, figure.y() + figure.height() + 4);
    return new Box(x, top, width, bottom - top);
  }
}
