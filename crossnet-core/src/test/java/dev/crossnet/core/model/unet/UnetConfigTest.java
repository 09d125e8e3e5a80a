package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UnetConfigTest {

  @Test
  void anSd1ConfigBuildsAndPredictsTheSampleShape() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SD1, m);
      NDArray out = unet.forward(m.randomNormal(new Shape(1, 4, 16, 16)), m.create(500L),
          m.randomNormal(new Shape(1, 5, 16)));
      assertThat(out.getShape()).isEqualTo(new Shape(1, 4, 16, 16));
      assertThat(unet.namedParameters().get("down_blocks.0.attentions.0.proj_in.weight").getShape())
          .isEqualTo(new Shape(32, 32, 1, 1));
    }
  }

  @Test
  void anSd2ConfigUsesHeadCountsPerBlockAndLinearProjections() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SD2, m);
      NDArray out = unet.forward(m.randomNormal(new Shape(1, 4, 16, 16)), m.create(new long[] {10}),
          m.randomNormal(new Shape(1, 5, 24)));
      assertThat(out.getShape()).isEqualTo(new Shape(1, 4, 16, 16));
      assertThat(unet.namedParameters().get("down_blocks.1.attentions.0.proj_in.weight").getShape())
          .isEqualTo(new Shape(80, 80));
      assertThat(unet.namedParameters().get("mid_block.attentions.0.transformer_blocks.0.attn2.to_k.weight")
          .getShape()).isEqualTo(new Shape(160, 24));
    }
  }

  @Test
  void anUnsupportedSettingIsRejectedByName() {
    String json = TinyUnets.SMALL.replace("{", "{\"class_embed_type\": \"timestep\", ");
    assertThatThrownBy(() -> TinyUnets.config(json))
        .hasMessageContaining("class_embed_type").hasMessageContaining("not supported");
  }

  @Test
  void namedParametersAreExactlyTheCheckpointKeys() throws Exception {
    Path dir = Goldens.folder("unet-a").resolve("model");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(dir, m);
      MemoryTensorStore store = MemoryTensorStore.read(dir.resolve("diffusion_pytorch_model.safetensors"), m);
      assertThat(unet.namedParameters().keySet()).containsExactlyInAnyOrderElementsOf(store.names());
    }
  }
}
