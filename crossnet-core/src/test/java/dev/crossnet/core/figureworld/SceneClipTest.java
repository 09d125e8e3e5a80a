package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.region.Mask;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneClipTest {

  private static final SceneGenerator WORLD = new SceneGenerator(SceneOptions.defaults().withFigures(2, 4));

  @Test
  void framesDifferOnlyWhereMovingFiguresAreOrWere() {
    int changed = 0;
    for (long seed = 0; seed < 15; seed++) {
      Clip clip = WORLD.clip(seed, 4);
      for (int f = 1; f < clip.frames().size(); f++) {
        Scene a = clip.frames().get(f - 1);
        Scene b = clip.frames().get(f);
        for (int y = 0; y < a.height(); y++) {
          for (int x = 0; x < a.width(); x++) {
            if (a.picture().rgb(x, y) != b.picture().rgb(x, y)) {
              changed++;
              assertThat(nearMovingFigure(a, x, y) || nearMovingFigure(b, x, y))
                  .as("pixel (%d, %d) changed between frames %d and %d of %s", x, y, f - 1, f, a).isTrue();
            }
          }
        }
      }
    }
    assertThat(changed).as("pixels changed over all clips").isPositive();
  }

  private static boolean nearMovingFigure(Scene s, int x, int y) {
    for (FigureTruth f : s.figures()) {
      if (f.figure().pose().moving() && Scenes.in(f.silhouette(), x, y)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void movingFiguresDoMove() {
    Figure walker = new Figure(FigureKind.DOG, new Appearance(Colour.RED, false, Size.LARGE), Pose.WALKING);
    Clip clip = Clip.of(Layouts.one(walker), 3, 64, 64);
    List<Mask> masks = clip.frames().stream().map(s -> s.figures().get(0).mask()).toList();
    assertThat(masks.get(1)).isNotEqualTo(masks.get(0));
    assertThat(masks.get(1).bounds().orElseThrow().x()).isGreaterThan(masks.get(0).bounds().orElseThrow().x());
  }

  @Test
  void stillFiguresStayPixelIdentical() {
    Figure sitter = new Figure(FigureKind.CAT, new Appearance(Colour.RED, false, Size.LARGE), Pose.SITTING);
    Clip clip = Clip.of(Layouts.one(sitter), 3, 64, 64);
    assertThat(clip.frames().get(2).picture()).isEqualTo(clip.frames().get(0).picture());
  }

  @Test
  void theIdealEditedClipMatchesEachFrameOutsideItsRegion() {
    Clip clip = WORLD.clip(3, 4);
    List<IdealEdit> edits = clip.idealEdit(0, FigureKind.ROBOT, new Appearance(Colour.GREEN, true, Size.SMALL));
    assertThat(edits).hasSize(4);
    for (IdealEdit e : edits) {
      for (int y = 0; y < e.original().height(); y++) {
        for (int x = 0; x < e.original().width(); x++) {
          if (!Scenes.in(e.region(), x, y)) {
            assertThat(e.edited().picture().rgb(x, y)).isEqualTo(e.original().picture().rgb(x, y));
          }
        }
      }
    }
  }

  @Test
  void clipsAreDeterministic() {
    Clip a = WORLD.clip(9, 3);
    Clip b = WORLD.clip(9, 3);
    for (int f = 0; f < 3; f++) {
      assertThat(Scenes.sha256(a.frames().get(f).picture())).isEqualTo(Scenes.sha256(b.frames().get(f).picture()));
    }
  }
}
