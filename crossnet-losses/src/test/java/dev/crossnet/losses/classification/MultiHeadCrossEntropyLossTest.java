package dev.crossnet.losses.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.losses.LossContexts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiHeadCrossEntropyLossTest {

  private static final TrainingLoss TWO_HEADS = PluginRegistry.discover(LossProvider.class, "loss", "")
      .get("cross-entropy").create(PluginConfig.of("classes", List.of(2, 3)));

  private static float loss(NDManager m, float[] logits, float[] targets, int batch) {
    NDArray prediction = m.create(logits, new Shape(batch, 5));
    NDArray target = m.create(targets, new Shape(batch, 2));
    return TWO_HEADS.compute(LossContexts.of(m, Map.of(LossInput.PREDICTION, prediction,
        LossInput.TARGET, target))).getFloat();
  }

  @Test
  void uniformLogitsCostLogOfTheClassCountPerHead() {
    try (NDManager m = NDManager.newBaseManager()) {
      float value = loss(m, new float[5], new float[] {1, 2}, 1);
      assertThat(value).isCloseTo((float) (Math.log(2) + Math.log(3)), within(1e-5f));
    }
  }

  @Test
  void confidentRightAnswersCostAlmostNothing() {
    try (NDManager m = NDManager.newBaseManager()) {
      float value = loss(m, new float[] {20, 0, 0, 0, 20}, new float[] {0, 2}, 1);
      assertThat(value).isLessThan(1e-6f);
    }
  }

  @Test
  void unlabelledItemsAreLeftOutOfTheirHeadsAverage() {
    try (NDManager m = NDManager.newBaseManager()) {
      // item 2 has no label for head 0 and a confident right answer for head 1
      float both = loss(m, new float[] {0, 0, 20, 0, 0, -50, 50, 0, 0, 20}, new float[] {0, 0, -1, 2}, 2);
      float first = loss(m, new float[] {0, 0, 20, 0, 0}, new float[] {0, 0}, 1);
      assertThat(both).isCloseTo(first / 2 + (float) Math.log(2) / 2, within(1e-4f));
    }
  }

  @Test
  void wrongShapesNameTheExpectedShape() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray prediction = m.zeros(new Shape(1, 4));
      NDArray target = m.zeros(new Shape(1, 2));
      assertThatThrownBy(() -> TWO_HEADS.compute(LossContexts.of(m, Map.of(LossInput.PREDICTION, prediction,
          LossInput.TARGET, target)))).hasMessageContaining("[B, 5]");
    }
  }

  @Test
  void missingClassCountsSayWhatToSet() {
    assertThatThrownBy(() -> new MultiHeadCrossEntropyLossProvider().create(PluginConfig.empty()))
        .hasMessageContaining("'classes'");
  }
}
