package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureMaskTest {

  private static final List<Scene> SCENES = Scenes.many(Scenes.WORLD, 60);

  @Test
  void everyGeneratedFigureHasVisiblePixels() {
    for (Scene s : SCENES) {
      for (FigureTruth f : s.figures()) {
        assertThat(f.visiblePixels()).as("%s in %s", f.figure(), s).isGreaterThanOrEqualTo(
            SceneGenerator.MIN_VISIBLE_PIXELS_AT_64);
        assertThat(f.box()).isPresent();
      }
    }
  }

  @Test
  void visibleMasksLieInsideTheirBoxes() {
    for (Scene s : SCENES) {
      for (FigureTruth f : s.figures()) {
        Box b = f.box().orElseThrow();
        for (int y = 0; y < s.height(); y++) {
          for (int x = 0; x < s.width(); x++) {
            if (Scenes.in(f.mask(), x, y)) {
              assertThat(x).isBetween(b.x(), b.x() + b.width() - 1);
              assertThat(y).isBetween(b.y(), b.y() + b.height() - 1);
            }
          }
        }
      }
    }
  }

  @Test
  void visibleMasksAreInsideSilhouettesAndDoNotOverlap() {
    for (Scene s : SCENES) {
      int[] owners = new int[s.width() * s.height()];
      for (FigureTruth f : s.figures()) {
        for (int y = 0; y < s.height(); y++) {
          for (int x = 0; x < s.width(); x++) {
            if (Scenes.in(f.mask(), x, y)) {
              assertThat(Scenes.in(f.silhouette(), x, y)).isTrue();
              owners[y * s.width() + x]++;
            }
          }
        }
      }
      assertThat(java.util.Arrays.stream(owners).max().orElse(0)).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void masksAreHard() {
    for (Scene s : SCENES.subList(0, 10)) {
      for (FigureTruth f : s.figures()) {
        for (float w : f.mask().weights()) {
          assertThat(w).isIn(0f, 1f);
        }
      }
    }
  }

  @Test
  void pixelsOutsideAllFiguresMatchTheSceneWithoutFigures() {
    for (Scene s : SCENES.subList(0, 20)) {
      SceneLayout empty = new SceneLayout(s.layout().background(), s.layout().horizon(), s.layout().objects(),
          List.of(), List.of(), 0);
      Scene background = Scene.render(empty, s.width(), s.height());
      for (int y = 0; y < s.height(); y++) {
        for (int x = 0; x < s.width(); x++) {
          boolean anyFigure = false;
          for (FigureTruth f : s.figures()) {
            anyFigure |= Scenes.in(f.mask(), x, y);
          }
          if (!anyFigure) {
            assertThat(s.picture().rgb(x, y)).as("pixel (%d, %d) of %s", x, y, s)
                .isEqualTo(background.picture().rgb(x, y));
          }
        }
      }
    }
  }

  @Test
  void keypointsOfAStandingPersonRunFromHeadDownToFeet() {
    Scene s = Scene.render(Layouts.one(new Figure(FigureKind.PERSON, new Appearance(Colour.RED, false, Size.LARGE),
        Pose.STANDING)), 64, 64);
    FigureTruth f = s.figures().get(0);
    Mask m = f.mask();
    assertThat(f.keypoints().get(Joint.HEAD).y()).isLessThan(f.keypoints().get(Joint.PELVIS).y());
    assertThat(f.keypoints().get(Joint.PELVIS).y()).isLessThan(f.keypoints().get(Joint.FRONT_FOOT).y());
    Box b = m.bounds().orElseThrow();
    assertThat(b.height()).isBetween(28, 40);
  }
}
