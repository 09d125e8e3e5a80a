package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Split;
import org.junit.jupiter.api.Test;

class BundledJudgeTest {

  @Test
  void theShippedJudgeHasFigureWorldsHeads() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.bundled(m)) {
      assertThat(judge.heads()).isEqualTo(FigureWorldJudge.heads());
    }
  }

  @Test
  void theShippedJudgeNamesTheKindOfHeldOutFigures() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.bundled(m)) {
      JudgeAccuracy accuracy = JudgeAccuracy.measure(judge, Split.HELD_OUT, 40, 77_000);

      assertThat(accuracy.all().get(FigureWorldJudge.KIND).accuracy()).isGreaterThanOrEqualTo(0.90);
    }
  }
}
