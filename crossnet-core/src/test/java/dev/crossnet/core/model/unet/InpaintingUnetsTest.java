package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.pipeline.InpaintingPredictor;
import dev.crossnet.core.pipeline.UnetPredictor;
import dev.crossnet.core.model.Goldens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Widening a text-to-image UNet into an inpainting UNet, on the golden unet-a. */
class InpaintingUnetsTest {

  @TempDir Path dir;

  @Test
  void theWidenedUnetReadsMaskAndMaskedLatentAndAtFirstPredictsWhatTheSourceDoes() throws Exception {
    Path source = Goldens.folder("unet-a").resolve("model");
    InpaintingUnets.widen(source, dir.resolve("unet"));
    assertThat(Files.readString(dir.resolve("unet").resolve("config.json"))).contains("\"in_channels\": 9");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      UNet2DConditionModel plain = UNet2DConditionModel.load(source, m);
      UNet2DConditionModel wide = UNet2DConditionModel.load(dir.resolve("unet"), m);
      assertThat(InpaintingUnets.isInpainting(plain.config())).isFalse();
      assertThat(InpaintingUnets.isInpainting(wide.config())).isTrue();
      Random r = new Random(3);
      NDArray x = random(m, r, 2, 4, 16, 16);
      NDArray text = random(m, r, 2, 77, plain.config().crossAttentionDim()[0]);
      NDArray mask = m.create(new float[256], new Shape(1, 1, 16, 16)).add(1f);
      NDArray masked = random(m, r, 1, 4, 16, 16);
      float[] expected = new UnetPredictor(plain).predict(x, 500, text, List.of()).toFloatArray();
      float[] actual = new InpaintingPredictor(new UnetPredictor(wide), mask, masked).predict(x, 500, text, List.of())
          .toFloatArray();
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void anInpaintingUnetIsNotWidenedAgain() {
    InpaintingUnets.widen(Goldens.folder("unet-a").resolve("model"), dir.resolve("once"));
    assertThatThrownBy(() -> InpaintingUnets.widen(dir.resolve("once"), dir.resolve("twice")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reads 9 channels and writes 4")
        .hasMessageContaining("in_channels = out_channels");
    assertThat(dir.resolve("twice")).doesNotExist();
  }

  @Test
  void aUnetFolderIsKnownAsInpaintingFromItsConfigAlone() {
    InpaintingUnets.widen(Goldens.folder("unet-a").resolve("model"), dir.resolve("known"));
    assertThat(InpaintingUnets.isInpainting(dir.resolve("known"))).isTrue();
    assertThat(InpaintingUnets.isInpainting(Goldens.folder("unet-a").resolve("model"))).isFalse();
  }

  private static NDArray random(NDManager m, Random r, long... shape) {
    Shape s = new Shape(shape);
    float[] v = new float[(int) s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return m.create(v, s);
  }
}
