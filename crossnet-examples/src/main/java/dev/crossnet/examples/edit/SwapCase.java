package dev.crossnet.examples.edit;

import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import java.util.List;
import java.util.Optional;

/**
 * Two replacements in one FigureWorld scene of two figures: they swap looks, each keeping its place and pose.
 * Subject {@code first} is figure 1 as seen in the scene and goes into figure 0's region; subject {@code second} is
 * figure 0 and goes into figure 1's. The ideal result is the scene re-rendered with both swapped; each region is the
 * union of the figure's old and new silhouettes, dilated as an edit's region is.
 */
record SwapCase(Scene scene, Scene ideal, List<Mask> regions, List<Subject> subjects) {

  static final String FIRST = "<first>";
  static final String SECOND = "<second>";

  /** The case, or empty when the scene does not hold exactly two visible figures. */
  static Optional<SwapCase> of(Scene scene) {
    if (scene.figures().size() != 2) {
      return Optional.empty();
    }
    FigureTruth a = scene.figures().get(0);
    FigureTruth b = scene.figures().get(1);
    if (a.visiblePixels() == 0 || b.visiblePixels() == 0) {
      return Optional.empty();
    }
    Figure fa = a.figure();
    Figure fb = b.figure();
    Scene ideal = scene.withFigure(0, fa.swap(fb.kind(), fb.appearance()))
        .withFigure(1, fb.swap(fa.kind(), fa.appearance()));
    int margin = IdealEdit.margin(scene.width(), scene.height());
    Mask first = IdealEdit.region(a.mask(), ideal.figures().get(0).mask(), margin);
    Mask second = IdealEdit.region(b.mask(), ideal.figures().get(1).mask(), margin);
    if (first.coverage() == 0 || second.coverage() == 0
        || RegionMasks.union(List.of(first, second)).coverage() == 1) {
      return Optional.empty();
    }
    return Optional.of(new SwapCase(scene, ideal, List.of(first, second),
        List.of(Subject.of(FIRST, scene.picture()).withMasks(b.mask()),
            Subject.of(SECOND, scene.picture()).withMasks(a.mask()))));
  }

  /** Both regions as one mask. */
  Mask union() {
    return RegionMasks.union(regions);
  }

  /** Whether the two regions share no pixel. */
  boolean apart() {
    return Masks.disjoint(regions.get(0), regions.get(1));
  }
}
