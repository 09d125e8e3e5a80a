package dev.crossnet.examples.relation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.region.Mask;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import org.junit.jupiter.api.Test;

class ChangeRelationTest {

  private static final Scene SCENE = new SceneGenerator(SceneOptions.mainSubject().withFigures(2, 2)
      .withSplit(Split.HELD_OUT).withRelationChance(0)).generate(5);

  @Test
  void theBoxAroundBothFiguresHoldsEveryPixelOfEitherAndIsARectangle() {
    Mask box = ChangeRelation.boxAround(SCENE.figures());
    for (FigureTruth f : SCENE.figures()) {
      for (int y = 0; y < SCENE.height(); y++) {
        for (int x = 0; x < SCENE.width(); x++) {
          if (f.mask().weight(x, y) > 0) {
            assertThat(box.weight(x, y)).as("figure pixel %d,%d", x, y).isEqualTo(1f);
          }
        }
      }
    }
    int inside = 0;
    int left = SCENE.width();
    int right = -1;
    int top = SCENE.height();
    int bottom = -1;
    for (int y = 0; y < SCENE.height(); y++) {
      for (int x = 0; x < SCENE.width(); x++) {
        if (box.weight(x, y) > 0) {
          inside++;
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    assertThat(inside).isEqualTo((right - left + 1) * (bottom - top + 1));
  }

  @Test
  void theGapBetweenTwoFiguresIsTheSameEitherWayRound() {
    FigureTruth a = SCENE.figures().get(0);
    FigureTruth b = SCENE.figures().get(1);
    assertThat(ChangeRelation.gap(a, b)).isEqualTo(ChangeRelation.gap(b, a));
    assertThat(ChangeRelation.gap(a, a)).as("a figure overlaps itself").isNegative();
  }
}
