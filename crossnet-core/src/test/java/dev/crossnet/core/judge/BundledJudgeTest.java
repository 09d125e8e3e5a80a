package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BundledJudgeTest {

  @Test
  void theShippedJudgeHasFigureWorldsHeads() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.bundled(m)) {
      assertThat(judge.heads()).isEqualTo(FigureWorldJudge.heads());
    }
  }

  @Test
  void everyHeadsProbabilitiesSumToOneAndPeakAtItsAnswer() {
    Scene scene = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1)).generate(4);
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.bundled(m)) {
      JudgeReading reading = judge.read(scene.picture());

      for (JudgeHead head : judge.heads()) {
        double[] p = reading.probabilities(head.name());
        assertThat(p).as(head.name()).hasSize(head.classes().size());
        assertThat(Arrays.stream(p).sum()).as(head.name()).isCloseTo(1.0, within(1e-4));
        int best = 0;
        for (int c = 1; c < p.length; c++) {
          best = p[c] > p[best] ? c : best;
        }
        assertThat(head.classes().get(best)).isEqualTo(reading.answer(head.name()));
        assertThat(p[best]).isEqualTo(reading.confidence().get(head.name()), within(1e-6));
      }
    }
  }

  @Test
  void askingForTheProbabilitiesOfAnUnknownHeadNamesTheHeads() {
    Scene scene = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1)).generate(4);
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.bundled(m)) {
      JudgeReading reading = judge.read(scene.picture());

      assertThatThrownBy(() -> reading.probabilities("mood")).hasMessageContaining("no head 'mood'")
          .hasMessageContaining("colour");
    }
  }

  @Test
  void theShippedJudgeNamesTheKindOfHeldOutFigures() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.bundled(m)) {
      JudgeAccuracy accuracy = JudgeAccuracy.measure(judge, Split.HELD_OUT, 40, 77_000);

      assertThat(accuracy.all().get(FigureWorldJudge.KIND).accuracy()).isGreaterThanOrEqualTo(0.90);
    }
  }

  @Test
  void aPictureTransformRunsBeforeTheJudgeReads() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.bundled(m)) {
      JudgeAccuracy blanked = JudgeAccuracy.measure(judge, Split.HELD_OUT, 20, 77_000,
          p -> dev.crossnet.api.image.Picture.filled(p.width(), p.height(), 0x808080));

      // a grey picture shows no colour (the focus box's shape still hints at kind and pose, not at colour)
      assertThat(blanked.all().get(FigureWorldJudge.COLOUR).accuracy()).isLessThan(0.4);
    }
  }
}
