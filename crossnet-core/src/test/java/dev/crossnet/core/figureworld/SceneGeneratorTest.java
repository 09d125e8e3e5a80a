package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

  @Test
  void theSameSeedGivesIdenticalPixelsFromSeparateGenerators() {
    for (long seed = 0; seed < 20; seed++) {
      Scene a = new SceneGenerator(SceneOptions.defaults()).generate(seed);
      Scene b = new SceneGenerator(SceneOptions.defaults()).generate(seed);
      assertThat(Scenes.sha256(a.picture())).as("seed %d", seed).isEqualTo(Scenes.sha256(b.picture()));
      assertThat(a.caption()).isEqualTo(b.caption());
    }
  }

  @Test
  void differentSeedsGiveDifferentScenes() {
    Set<String> hashes = new HashSet<>();
    for (Scene s : Scenes.many(Scenes.WORLD, 30)) {
      hashes.add(Scenes.sha256(s.picture()));
    }
    assertThat(hashes).hasSize(30);
  }

  @Test
  void scenesHaveTheRequestedSizeAndFigureCount() {
    SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withSize(96, 80).withFigures(2, 3));
    for (Scene s : Scenes.many(g, 20)) {
      assertThat(s.width()).isEqualTo(96);
      assertThat(s.height()).isEqualTo(80);
      assertThat(s.figures()).hasSizeBetween(2, 3);
    }
  }

  @Test
  void everyKindPoseAndRelationTurnsUpInAFewHundredScenes() {
    Set<FigureKind> kinds = new HashSet<>();
    Set<Pose> poses = new HashSet<>();
    Set<RelationType> relations = new HashSet<>();
    for (Scene s : Scenes.many(Scenes.WORLD, 300)) {
      s.figures().forEach(f -> {
        kinds.add(f.figure().kind());
        poses.add(f.figure().pose());
      });
      s.relations().forEach(r -> relations.add(r.type()));
    }
    assertThat(kinds).containsExactlyInAnyOrder(FigureKind.values());
    assertThat(poses).containsExactlyInAnyOrder(Pose.values());
    assertThat(relations).containsExactlyInAnyOrder(RelationType.values());
  }

  @Test
  void aLayoutRendersAtAnyResolutionWithTheSameTruth() {
    Scene small = Scenes.WORLD.generate(5);
    Scene large = small.resized(128, 128);
    assertThat(large.caption()).isEqualTo(small.caption());
    for (int i = 0; i < small.figures().size(); i++) {
      double ratio = (double) Scenes.pixels(large.figures().get(i).silhouette())
          / Scenes.pixels(small.figures().get(i).silhouette());
      assertThat(ratio).as("figure %d area ratio at 2x", i).isBetween(3.0, 5.0);
    }
  }

  @Test
  void impossibleOptionsAreRejectedWithTheFix() {
    assertThatThrownBy(() -> SceneOptions.defaults().withFigures(0, 5))
        .hasMessageContaining("1 <= min <= max <= 4");
  }
}
