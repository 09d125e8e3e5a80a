package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.crossnet.core.engine.OfflineEngine;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnetGradientTest {

  private static final String CHOSEN = "up_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight";

  @Test
  void onlyTheParametersATrainerChoseReceiveGradients() {
    Engine engine = OfflineEngine.get();
    try (NDManager m = engine.newBaseManager()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SMALL, m);
      Map<String, NDArray> params = unet.namedParameters();
      params.get(CHOSEN).setRequiresGradient(true);
      NDArray x = m.randomNormal(new Shape(1, 4, 8, 8));
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray out = unet.forward(x, m.create(new long[] {300}), m.randomNormal(new Shape(1, 3, 8)));
        gc.backward(out.square().mean());
      }
      NDArray grad = params.get(CHOSEN).getGradient();
      assertThat(grad.abs().sum().getFloat()).isGreaterThan(0f);
      assertThat(params.entrySet()).filteredOn(e -> !e.getKey().equals(CHOSEN))
          .noneMatch(e -> e.getValue().hasGradient());
    }
  }
}
