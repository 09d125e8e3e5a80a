package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SceneCaptionTest {

  private static final List<Scene> SCENES = Scenes.many(Scenes.WORLD, 200);

  @Test
  void everyCaptionWordIsInTheVocabulary() {
    for (Scene s : SCENES) {
      assertThat(Caption.words(s.caption())).as(s.caption()).allMatch(CaptionVocabulary::contains);
    }
  }

  @Test
  void theCountWordsBeforeSizeWordsAddUpToTheFigures() {
    for (Scene s : SCENES) {
      List<String> words = Caption.words(s.caption());
      int counted = 0;
      for (int i = 0; i + 1 < words.size(); i++) {
        if (words.get(i + 1).equals("small") || words.get(i + 1).equals("large")) {
          counted += Caption.countOf(words.get(i));
        }
      }
      assertThat(counted).as(s.caption()).isEqualTo(s.figures().size());
    }
  }

  @Test
  void identicalFiguresAreCounted() {
    Figure dog = new Figure(FigureKind.DOG, new Appearance(Colour.BLUE, false, Size.SMALL), Pose.SITTING);
    assertThat(Caption.of(Layouts.row(Background.PARK, dog, dog))).isEqualTo("two small blue dogs sitting in a park");
  }

  @Test
  void differentFiguresAreJoinedWithAnd() {
    Figure robot = new Figure(FigureKind.ROBOT, new Appearance(Colour.RED, true, Size.LARGE), Pose.WAVING);
    Figure cat = new Figure(FigureKind.CAT, new Appearance(Colour.WHITE, false, Size.SMALL), Pose.LYING);
    assertThat(Caption.of(Layouts.row(Background.BEACH, robot, cat, robot)))
        .isEqualTo("two large red robots with hats waving and a small white cat lying on a beach");
  }

  @Test
  void aRelationJoinsItsTwoFigures() {
    Scene s = SceneIdealEditTest.handsScene();
    assertThat(s.caption()).contains(" holding hands with a ");
  }

  @Test
  void relationWordsAppearWhenTheSceneHasTheRelation() {
    for (Scene s : SCENES) {
      for (Relation r : s.relations()) {
        assertThat(s.caption()).contains(" " + r.type().words() + " ");
      }
    }
  }
}
