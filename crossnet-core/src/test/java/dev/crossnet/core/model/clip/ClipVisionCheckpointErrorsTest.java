package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.weights.WeightsException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipVisionCheckpointErrorsTest {

  private static final String CONFIG = """
      {"hidden_size": 32, "intermediate_size": 64, "num_attention_heads": 4, "num_hidden_layers": 1,
       "image_size": 16, "patch_size": 8, "projection_dim": 8, "hidden_act": "quick_gelu"}""";

  @TempDir
  Path dir;

  /** Writes the tiny config and its random weights, edited, as a transformers folder. */
  private Path folder(NDManager m, Consumer<Map<String, NDArray>> edit) throws Exception {
    ClipVisionConfig c = ClipVisionConfig.from(JsonConfig.parse("tiny", CONFIG));
    Map<String, NDArray> weights = new LinkedHashMap<>(
        RandomParameters.store(source -> new ClipVisionModel(c, source), 7, m).arrays());
    edit.accept(weights);
    NDList list = new NDList();
    weights.forEach((name, a) -> {
      a.setName(name);
      list.add(a);
    });
    Files.writeString(dir.resolve("config.json"), CONFIG);
    try (OutputStream out = Files.newOutputStream(dir.resolve("model.safetensors"))) {
      list.encode(out, NDList.Encoding.SAFETENSORS);
    }
    return dir;
  }

  @Test
  void completeWeightsLoadAndEncodeToTheConfiguredShapes() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> { });
      ClipVisionOutput out = ClipVisionModel.load(f, m).forward(m.randomNormal(new Shape(2, 3, 16, 16)));
      assertThat(out.lastHiddenState().getShape()).isEqualTo(new Shape(2, 5, 32));
      assertThat(out.pooled().getShape()).isEqualTo(new Shape(2, 32));
      assertThat(out.imageEmbeds().getShape()).isEqualTo(new Shape(2, 8));
    }
  }

  @Test
  void aMissingTensorIsNamedWithTheFile() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> w.remove("vision_model.pre_layrnorm.weight"));
      assertThatThrownBy(() -> ClipVisionModel.load(f, m))
          .isInstanceOf(WeightsException.class)
          .hasMessageContaining(f.resolve("model.safetensors").toString())
          .hasMessageContaining("missing tensor 'vision_model.pre_layrnorm.weight'");
    }
  }

  @Test
  void aWrongShapeIsNamedWithBothShapes() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> w.put("visual_projection.weight", m.zeros(new Shape(16, 32))));
      assertThatThrownBy(() -> ClipVisionModel.load(f, m))
          .isInstanceOf(WeightsException.class)
          .hasMessageContaining(f.resolve("model.safetensors").toString())
          .hasMessageContaining("'visual_projection.weight' has shape (16, 32)")
          .hasMessageContaining("(8, 32)");
    }
  }

  @Test
  void aPatchEmbeddingBiasIsReportedAsUnexpected() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> w.put("vision_model.embeddings.patch_embedding.bias", m.zeros(new Shape(32))));
      assertThatThrownBy(() -> ClipVisionModel.load(f, m))
          .isInstanceOf(WeightsException.class)
          .hasMessageContaining("unexpected tensor 'vision_model.embeddings.patch_embedding.bias'");
    }
  }

  @Test
  void theStoredPositionIdsBufferIsIgnored() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path f = folder(m, w -> w.put("vision_model.embeddings.position_ids",
          m.arange(0, 5, 1, DataType.INT64).reshape(1, 5)));
      assertThat(ClipVisionModel.load(f, m).config().tokens()).isEqualTo(5);
    }
  }

  @Test
  void pixelsOfAnotherSizeAreRefusedNamingTheExpectedShape() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      ClipVisionModel clip = ClipVisionModel.load(folder(m, w -> { }), m);
      assertThatThrownBy(() -> clip.forward(m.zeros(new Shape(1, 3, 24, 24))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[B, 3, 16, 16]")
          .hasMessageContaining("(1, 3, 24, 24)");
    }
  }

  @Test
  void anImageSizeThatPatchesDoNotTileIsRefused() {
    JsonConfig c = JsonConfig.parse("odd.json", """
        {"image_size": 30, "patch_size": 8}""");
    assertThatThrownBy(() -> ClipVisionConfig.from(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd.json")
        .hasMessageContaining("image_size 30 is not a multiple of patch_size 8");
  }
}
