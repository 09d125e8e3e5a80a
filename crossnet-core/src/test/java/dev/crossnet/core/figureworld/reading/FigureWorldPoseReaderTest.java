package dev.crossnet.core.figureworld.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The occupant's pose read from held-out FigureWorld renders. */
class FigureWorldPoseReaderTest {

  private static NDManager manager;

  @BeforeAll
  static void setUp() {
    manager = OfflineEngine.get().newBaseManager();
  }

  @AfterAll
  static void tearDown() {
    manager.close();
  }

  @Test
  void theWordsAreFigureWorldsPoseWords() {
    assertThat(FigureWorldPoseReader.words())
        .containsExactlyElementsOf(Arrays.stream(Pose.values()).map(Pose::word).toList());
  }

  @Test
  void mostHeldOutOccupantsAreReadRightOneRegionPerOccupant() {
    SceneGenerator world = new SceneGenerator(SceneOptions.defaults().withSplit(Split.HELD_OUT).withFigures(2, 3));
    int right = 0;
    int read = 0;
    for (long seed = 1; read < 20; seed++) {
      Scene scene = world.generate(seed);
      List<Mask> regions = new ArrayList<>();
      List<String> truth = new ArrayList<>();
      for (FigureTruth f : scene.figures()) {
        if (f.visiblePixels() > 40) {
          regions.add(f.mask());
          truth.add(f.figure().pose().word());
        }
      }
      if (regions.isEmpty()) {
        continue;
      }
      List<FigureWorldPoseReader.Reading> readings = new FigureWorldPoseReader().read(scene.picture(), regions,
          manager);
      assertThat(readings).hasSameSizeAs(regions);
      for (int i = 0; i < readings.size(); i++) {
        assertThat(readings.get(i).probability()).isBetween(0.0, 1.0);
        right += readings.get(i).word().equals(truth.get(i)) ? 1 : 0;
        read++;
      }
    }
    assertThat(right).as("poses read right of %d", read).isGreaterThanOrEqualTo(read * 8 / 10);
  }

  @Test
  void anEmptyOrMisSizedRegionIsRefused() {
    Scene scene = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1)).generate(2);
    int w = scene.picture().width();
    int h = scene.picture().height();
    assertThatThrownBy(() -> new FigureWorldPoseReader().read(scene.picture(),
        List.of(Mask.of(w, h, new boolean[w * h])), manager)).hasMessageContaining("region 0 covers nothing");
    assertThatThrownBy(() -> new FigureWorldPoseReader().read(scene.picture(),
        List.of(Mask.of(8, 8, new boolean[64])), manager))
        .hasMessageContaining("region 0 is 8x8 but the bedrock is " + w + "x" + h);
  }
}
