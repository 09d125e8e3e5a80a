package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SceneIdealEditTest {

  private static final List<Scene> SCENES = Scenes.many(Scenes.WORLD, 40);

  private static Appearance other(Appearance a) {
    Colour c = Colour.values()[(a.colour().ordinal() + 3) % Colour.values().length];
    return new Appearance(c, !a.hat(), a.size());
  }

  @Test
  void theIdealEditEqualsTheOriginalOutsideTheEditRegion() {
    for (Scene s : SCENES) {
      for (int i = 0; i < s.figures().size(); i++) {
        for (FigureKind kind : FigureKind.values()) {
          IdealEdit e = s.idealEdit(i, kind, other(s.figures().get(i).figure().appearance()));
          assertThat(e.region().coverage()).as("the region leaves most of the picture to compare").isLessThan(0.6);
          for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
              if (!Scenes.in(e.region(), x, y)) {
                assertThat(e.edited().picture().rgb(x, y)).as("pixel (%d, %d) outside the region, %s", x, y, s)
                    .isEqualTo(s.picture().rgb(x, y));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void theEditRegionHoldsTheOldAndNewFigure() {
    for (Scene s : SCENES.subList(0, 10)) {
      IdealEdit e = s.idealEdit(0, FigureKind.DOG, new Appearance(Colour.WHITE, true, Size.LARGE));
      for (int y = 0; y < s.height(); y++) {
        for (int x = 0; x < s.width(); x++) {
          if (Scenes.in(s.figures().get(0).mask(), x, y) || Scenes.in(e.edited().figures().get(0).mask(), x, y)) {
            assertThat(Scenes.in(e.region(), x, y)).isTrue();
          }
        }
      }
    }
  }

  @Test
  void theEditChangesTheFigureAndItsCaptionOnly() {
    Scene s = Scene.render(Layouts.row(Background.ROOM,
        new Figure(FigureKind.PERSON, new Appearance(Colour.RED, false, Size.LARGE), Pose.WAVING),
        new Figure(FigureKind.CAT, new Appearance(Colour.BLACK, false, Size.LARGE), Pose.SITTING)), 64, 64);
    IdealEdit e = s.idealEdit(0, FigureKind.ROBOT, new Appearance(Colour.BLUE, false, Size.LARGE));
    assertThat(e.edited().picture()).isNotEqualTo(s.picture());
    assertThat(e.edited().caption())
        .isEqualTo("a large blue robot waving and a large black cat sitting in a room");
    assertThat(e.edited().figures().get(1).mask()).isEqualTo(s.figures().get(1).mask());
  }

  @Test
  void aFigureCanTakeAnotherFiguresLookInItsOwnPose() {
    Scene s = Scene.render(Layouts.row(Background.PARK,
        new Figure(FigureKind.PERSON, new Appearance(Colour.RED, false, Size.LARGE), Pose.POINTING),
        new Figure(FigureKind.ROBOT, new Appearance(Colour.YELLOW, true, Size.SMALL), Pose.SITTING)), 64, 64);
    Figure edited = s.idealEditLike(0, 1).edited().figures().get(0).figure();
    assertThat(edited).isEqualTo(new Figure(FigureKind.ROBOT, new Appearance(Colour.YELLOW, true, Size.SMALL),
        Pose.POINTING));
  }

  @Test
  void editedCaptionsUseOnlyVocabularyWords() {
    for (Scene s : SCENES) {
      IdealEdit e = s.idealEdit(0, FigureKind.BIRD, new Appearance(Colour.ORANGE, true, Size.SMALL));
      assertThat(Caption.words(e.edited().caption())).allMatch(CaptionVocabulary::contains);
    }
  }

  @Test
  void anAnimalSwappedForAHumanoidKeepsTheClosestPose() {
    Scene s = Scene.render(Layouts.one(new Figure(FigureKind.PERSON,
        new Appearance(Colour.RED, false, Size.LARGE), Pose.WAVING)), 64, 64);
    IdealEdit e = s.idealEdit(0, FigureKind.DOG, new Appearance(Colour.RED, false, Size.LARGE));
    assertThat(e.edited().figures().get(0).figure().pose()).isEqualTo(Pose.STANDING);
  }

  @Test
  void holdingHandsIsDroppedWhenAPartnerBecomesAnAnimal() {
    Scene s = handsScene();
    assertThat(s.relations()).extracting(Relation::type).containsExactly(RelationType.HOLDING_HANDS);
    IdealEdit e = s.idealEdit(1, FigureKind.CAT, new Appearance(Colour.WHITE, false, Size.LARGE));
    assertThat(e.edited().relations()).isEmpty();
  }

  static Scene handsScene() {
    SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withFigures(2, 2).withRelationChance(1));
    for (long seed = 0; ; seed++) {
      Scene s = g.generate(seed);
      if (s.relations().get(0).type() == RelationType.HOLDING_HANDS) {
        return s;
      }
    }
  }
}
