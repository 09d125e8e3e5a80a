package dev.crossnet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.core.engine.OfflineEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an inpainting UNet is fed: the sample, then the mask, then the masked latent, once per batch item. */
class InpaintingPredictorTest {

  @Test
  void everyItemOfTheBatchGetsTheMaskAndTheMaskedLatentAfterItsChannels() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      List<float[]> seen = new ArrayList<>();
      List<Shape> shapes = new ArrayList<>();
      NoisePredictor spy = new NoisePredictor() {
        @Override
        public NDArray predict(NDArray sample, double t, NDArray text, List<AttentionControl> controls) {
          seen.add(sample.toFloatArray());
          shapes.add(sample.getShape());
          return sample.get(":, 0:2, :, :").duplicate();
        }
      };
      NDArray mask = m.create(new float[] {1, 0, 0, 1}, new Shape(1, 1, 2, 2));
      NDArray masked = m.create(new float[] {10, 11, 12, 13, 20, 21, 22, 23}, new Shape(1, 2, 2, 2));
      NDArray sample = m.create(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, 1, 2, 3, 4, 5, 6, 7, 8},
          new Shape(2, 2, 2, 2));
      InpaintingPredictor predictor = new InpaintingPredictor(spy, mask, masked);
      long before = m.getManagedArrays().size();
      NDArray out = predictor.predict(sample, 10, null, List.of());
      assertThat(out.getShape()).isEqualTo(new Shape(2, 2, 2, 2));
      assertThat(shapes).containsExactly(new Shape(2, 5, 2, 2));
      assertThat(seen.get(0)).containsExactly(-1, -2, -3, -4, -5, -6, -7, -8, 1, 0, 0, 1, 10, 11, 12, 13, 20, 21, 22,
          23, 1, 2, 3, 4, 5, 6, 7, 8, 1, 0, 0, 1, 10, 11, 12, 13, 20, 21, 22, 23);
      assertThat(m.getManagedArrays().size()).as("only the output stays open").isEqualTo(before + 1);
    }
  }

  @Test
  void blankingZeroesThePixelsInsideTheMaskOnly() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray pixels = m.create(new float[] {0.5f, -0.5f, 0.25f, 1f}, new Shape(1, 1, 2, 2)).repeat(1, 3);
      NDArray mask = m.create(new float[] {1, 0.4f, 0.6f, 0}, new Shape(1, 1, 2, 2));
      assertThat(InpaintingPredictor.blank(pixels, mask).toFloatArray())
          .containsExactly(0, -0.5f, 0, 1f, 0, -0.5f, 0, 1f, 0, -0.5f, 0, 1f);
    }
  }

  @Test
  void aConditionOfAnotherSizeIsRefused() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThatThrownBy(() -> new InpaintingPredictor((s, t, x, c) -> s, m.ones(new Shape(1, 1, 4, 4)),
          m.ones(new Shape(1, 4, 8, 8)))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("same h and w");
    }
  }
}
