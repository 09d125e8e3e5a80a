package dev.crossnet.losses.reconstruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.losses.LossContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconstructionLossTest {

  private static LossContext context(NDManager m, Map<LossInput<?>, Object> values) {
    return LossContexts.of(m, values);
  }

  @Test
  void isFoundByItsName() {
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss", "");
    assertThat(losses.names()).contains("reconstruction");
  }

  @Test
  void unmaskedIsTheMeanSquaredError() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray prediction = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
      NDArray target = m.zeros(new Shape(1, 1, 2, 2));
      float loss = new ReconstructionLossProvider().create(PluginConfig.empty())
          .compute(context(m, Map.of(LossInput.PREDICTION, prediction, LossInput.TARGET, target)))
          .getFloat();
      assertThat(loss).isCloseTo((1 + 4 + 9 + 16) / 4f, within(1e-5f));
    }
  }

  @Test
  void exampleWeightsScaleEachExamplesError() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray prediction = m.create(new float[] {1, 1, 3, 3}, new Shape(2, 1, 1, 2));
      NDArray target = m.zeros(new Shape(2, 1, 1, 2));
      NDArray weights = m.create(new float[] {2, 0.5f});
      float loss = new ReconstructionLossProvider().create(PluginConfig.empty())
          .compute(context(m, Map.of(LossInput.PREDICTION, prediction, LossInput.TARGET, target,
              LossInput.EXAMPLE_WEIGHTS, weights)))
          .getFloat();
      // example errors 1 and 9, weighted 2 and 0.5, averaged over the batch
      assertThat(loss).isCloseTo((2 * 1 + 0.5f * 9) / 2f, within(1e-5f));
      assertThatThrownBy(() -> new ReconstructionLossProvider().create(PluginConfig.empty())
          .compute(context(m, Map.of(LossInput.PREDICTION, prediction, LossInput.TARGET, target,
              LossInput.EXAMPLE_WEIGHTS, m.ones(new Shape(3))))))
          .hasMessageContaining("one weight per example");
    }
  }

  @Test
  void absoluteErrorIsTheMeanAbsoluteDifference() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray prediction = m.create(new float[] {1, -2, 3, -4}, new Shape(1, 1, 2, 2));
      NDArray target = m.zeros(new Shape(1, 1, 2, 2));
      float loss = new ReconstructionLossProvider().create(PluginConfig.of("error", "absolute"))
          .compute(context(m, Map.of(LossInput.PREDICTION, prediction, LossInput.TARGET, target)))
          .getFloat();
      assertThat(loss).isCloseTo((1 + 2 + 3 + 4) / 4f, within(1e-5f));
    }
  }

  @Test
  void unknownErrorNamesTheKnownOnes() {
    assertThatThrownBy(
            () -> new ReconstructionLossProvider().create(PluginConfig.of("error", "huber")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("huber")
        .hasMessageContaining("\"squared\" or \"absolute\"");
  }

  @Test
  void maskedAveragesOverTheMaskedPixelsOnly() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray prediction = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 2, 2, 2));
      NDArray target = m.zeros(new Shape(1, 2, 2, 2));
      NDArray mask = m.create(new float[] {1, 0, 0, 0}, new Shape(1, 1, 2, 2));
      float loss = new ReconstructionLossProvider().create(PluginConfig.empty())
          .compute(context(m, Map.of(LossInput.PREDICTION, prediction, LossInput.TARGET, target,
              LossInput.MASK, mask)))
          .getFloat();
      // masked pixel (0,0) in both channels: values 1 and 5
      assertThat(loss).isCloseTo((1 + 25) / 2f, within(1e-4f));
    }
  }

  @Test
  void maskCanBeSwitchedOff() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray prediction = m.create(new float[] {2, 2, 2, 2}, new Shape(1, 1, 2, 2));
      NDArray target = m.zeros(new Shape(1, 1, 2, 2));
      NDArray mask = m.create(new float[] {1, 0, 0, 0}, new Shape(1, 1, 2, 2));
      float loss = new ReconstructionLossProvider().create(PluginConfig.of("masked", false))
          .compute(context(m, Map.of(LossInput.PREDICTION, prediction, LossInput.TARGET, target,
              LossInput.MASK, mask)))
          .getFloat();
      assertThat(loss).isCloseTo(4f, within(1e-5f));
    }
  }
}
