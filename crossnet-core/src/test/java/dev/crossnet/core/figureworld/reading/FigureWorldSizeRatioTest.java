package dev.crossnet.core.figureworld.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.figureworld.Split;
import org.junit.jupiter.api.Test;

class FigureWorldSizeRatioTest {

  @Test
  void theRatioIsTheHeightsFigureWorldDrawsTheSizesAt() {
    assertThat(FigureWorldSizeRatio.of("large", "small")).isCloseTo(0.50 / 0.38, within(1e-9));
    assertThat(FigureWorldSizeRatio.of("small", "small")).isEqualTo(1.0);
    assertThatThrownBy(() -> FigureWorldSizeRatio.of("huge", "small")).hasMessageContaining("'huge'")
        .hasMessageContaining("[small, large]");
  }

  @Test
  void theJudgeReadsTheSubjectsAndTheOccupantsSizesOnHeldOutScenes() {
    SceneGenerator world = new SceneGenerator(SceneOptions.defaults().withSize(64, 64).withSplit(Split.HELD_OUT)
        .withFigures(2, 2));
    int right = 0;
    int cases = 0;
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      for (long s = 1; cases < 12; s++) {
        Scene scene = world.generate(s);
        if (scene.figures().get(0).visiblePixels() <= 40 || scene.figures().get(1).visiblePixels() <= 40) {
          continue;
        }
        Subject subject = Subject.of("<it>", scene.picture()).withMasks(scene.figures().get(1).mask());
        FigureWorldSizeRatio.Reading r = FigureWorldSizeRatio.read(subject, scene.picture(),
            scene.figures().get(0).mask(), m);
        Size donor = scene.figures().get(1).figure().appearance().size();
        Size occupant = scene.figures().get(0).figure().appearance().size();
        right += r.subjectSize().equals(donor.word()) && r.occupantSize().equals(occupant.word()) ? 1 : 0;
        cases++;
      }
    }
    assertThat(right).as("both sizes read right, of %d cases", cases).isGreaterThanOrEqualTo(9);
  }
}
