package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldSplitTest {

  @Test
  void trainScenesNeverHoldAHeldOutFigure() {
    SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withSplit(Split.TRAIN));
    for (Scene s : Scenes.many(g, 300)) {
      assertThat(s.split()).as(s.caption()).isEqualTo(Split.TRAIN);
      assertThat(s.figures()).noneMatch(f -> Split.heldOut(f.figure()));
      assertThat(s.caption()).doesNotContain("purple robot").doesNotContain("dog lying")
          .doesNotContain("dogs lying");
    }
  }

  @Test
  void trainScenesNeverShowAPersonHoldingHandsWithARobot() {
    SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withSplit(Split.TRAIN).withFigures(2, 2)
        .withRelationChance(1));
    for (Scene s : Scenes.many(g, 200)) {
      for (Relation r : s.relations()) {
        if (r.type() == RelationType.HOLDING_HANDS) {
          assertThat(Split.heldOutPair(s.figures().get(r.subject()).figure().kind(),
              s.figures().get(r.target()).figure().kind())).isFalse();
        }
      }
    }
  }

  @Test
  void heldOutScenesEachHoldAHeldOutCombinationAndCoverEveryRule() {
    SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withSplit(Split.HELD_OUT));
    Set<String> rules = new HashSet<>();
    for (Scene s : Scenes.many(g, 100)) {
      assertThat(s.split()).as(s.caption()).isEqualTo(Split.HELD_OUT);
      for (FigureTruth f : s.figures()) {
        if (f.figure().kind() == FigureKind.ROBOT && f.figure().appearance().colour() == Colour.PURPLE) {
          rules.add("purple robot");
        }
        if (f.figure().kind() == FigureKind.DOG && f.figure().pose() == Pose.LYING) {
          rules.add("dog lying");
        }
      }
      if (s.relations().stream().anyMatch(r -> r.type() == RelationType.HOLDING_HANDS && Split.heldOutPair(
          s.figures().get(r.subject()).figure().kind(), s.figures().get(r.target()).figure().kind()))) {
        rules.add("person holding hands with robot");
      }
    }
    assertThat(rules).containsExactlyInAnyOrderElementsOf(Split.RULES);
  }

  @Test
  void theCombinationsPartsStillAppearInTraining() {
    SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withSplit(Split.TRAIN));
    List<Scene> scenes = Scenes.many(g, 200);
    assertThat(scenes).anyMatch(s -> s.figures().stream().anyMatch(f -> f.figure().appearance().colour()
        == Colour.PURPLE));
    assertThat(scenes).anyMatch(s -> s.figures().stream().anyMatch(f -> f.figure().kind() == FigureKind.ROBOT));
    assertThat(scenes).anyMatch(s -> s.figures().stream().anyMatch(f -> f.figure().pose() == Pose.LYING));
  }
}
