package dev.crossnet.core.figureworld;

import java.util.ArrayList;
import java.util.List;

/** Hand-built layouts for tests that need a known scene. */
final class Layouts {

  private Layouts() {}

  static SceneLayout one(Figure f) {
    return new SceneLayout(Background.PARK, 0.45, List.of(), List.of(new PlacedFigure(f,
        new Placement(0.5, 0.85, true, 1, null))), List.of(), 0);
  }

  static SceneLayout row(Background bg, Figure... figures) {
    List<PlacedFigure> fs = new ArrayList<>();
    for (int i = 0; i < figures.length; i++) {
      fs.add(new PlacedFigure(figures[i], new Placement((i + 0.5) / figures.length, 0.85, true, 1, null)));
    }
    return new SceneLayout(bg, 0.45, List.of(), fs, List.of(), 0);
  }
}
