package dev.crossnet.examples.edit;

import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;

/**
 * Held-out FigureWorld scenes for demonstrations: two figures, where figure 0's region is partly visible and
 * figure 1 (the donor of the look) shows at least one pixel, so "figure 0 takes the look of figure 1" is an edit.
 */
public final class DemoScenes {

  private static final SceneGenerator STANDARD = world(SceneOptions.defaults());
  private static final SceneGenerator MAIN_SUBJECT = world(SceneOptions.mainSubject());

  private DemoScenes() {}

  /** The first such scene of standard FigureWorld (64x64, the default model's) from {@code seed} on. */
  public static Scene from(long seed) {
    return from(STANDARD, seed);
  }

  /** The first such scene of main-subject FigureWorld (128x128, figureworld-v2's) from {@code seed} on. */
  public static Scene mainSubjectFrom(long seed) {
    return from(MAIN_SUBJECT, seed);
  }

  private static SceneGenerator world(SceneOptions options) {
    return new SceneGenerator(options.withSplit(Split.HELD_OUT).withFigures(2, 2));
  }

  private static Scene from(SceneGenerator world, long seed) {
    for (long s = seed; ; s++) {
      Scene scene = world.generate(s);
      double coverage = scene.idealEditLike(0, 1).region().coverage();
      if (coverage > 0 && coverage < 1 && scene.figures().get(1).visiblePixels() > 0) {
        return scene;
      }
    }
  }
}
