package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.weights.WeightsException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnetCheckpointErrorsTest {

  @TempDir
  Path dir;

  /** Writes the small UNet's config and its random weights, edited, as a diffusers folder. */
  private Path folder(NDManager m, Consumer<Map<String, NDArray>> edit) throws Exception {
    UNetConfig c = TinyUnets.config(TinyUnets.SMALL);
    Map<String, NDArray> weights = new LinkedHashMap<>(TinyUnets.randomWeights(c, m).arrays());
    edit.accept(weights);
    NDList list = new NDList();
    weights.forEach((name, a) -> {
      a.setName(name);
      list.add(a);
    });
    Files.writeString(dir.resolve("config.json"), TinyUnets.SMALL);
    try (OutputStream out = Files.newOutputStream(dir.resolve("diffusion_pytorch_model.safetensors"))) {
      list.encode(out, NDList.Encoding.SAFETENSORS);
    }
    return dir;
  }

  @Test
  void aMissingTensorIsNamedWithTheFile() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> w.remove("mid_block.attentions.0.transformer_blocks.0.attn2.to_v.weight"));
      assertThatThrownBy(() -> UNet2DConditionModel.load(f, m))
          .isInstanceOf(WeightsException.class)
          .hasMessageContaining(f.resolve("diffusion_pytorch_model.safetensors").toString())
          .hasMessageContaining("missing tensor 'mid_block.attentions.0.transformer_blocks.0.attn2.to_v.weight'");
    }
  }

  @Test
  void aWrongShapeIsNamedWithBothShapes() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> w.put("conv_in.weight", m.zeros(new Shape(16, 3, 3, 3))));
      assertThatThrownBy(() -> UNet2DConditionModel.load(f, m))
          .isInstanceOf(WeightsException.class)
          .hasMessageContaining("diffusion_pytorch_model.safetensors")
          .hasMessageContaining("'conv_in.weight' has shape (16, 3, 3, 3)")
          .hasMessageContaining("(16, 4, 3, 3)");
    }
  }

  @Test
  void anExtraTensorIsNamed() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> w.put("add_embedding.linear_1.weight", m.zeros(new Shape(4, 4))));
      assertThatThrownBy(() -> UNet2DConditionModel.load(f, m))
          .isInstanceOf(WeightsException.class)
          .hasMessageContaining("diffusion_pytorch_model.safetensors")
          .hasMessageContaining("unexpected tensor 'add_embedding.linear_1.weight'");
    }
  }
}
