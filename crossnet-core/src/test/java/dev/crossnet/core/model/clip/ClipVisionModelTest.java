package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.nn.RandomParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

// GradMode resources switch a thread mode for the block; they are not used in it.
@SuppressWarnings("try")
class ClipVisionModelTest {

  private static final ClipVisionConfig TINY = ClipVisionConfig.from(JsonConfig.parse("tiny", """
      {"hidden_size": 32, "intermediate_size": 64, "num_attention_heads": 4, "num_hidden_layers": 2,
       "image_size": 16, "patch_size": 4, "projection_dim": 8}"""));

  private static ClipVisionModel tiny(NDManager m) {
    return ClipVisionModel.create(TINY, RandomParameters.store(s -> new ClipVisionModel(TINY, s), 3, m), m);
  }

  @Test
  void repeatedForwardsLeaveOnlyTheirOutputsInTheCallersManager() {
    try (NDManager weights = OfflineEngine.get().newBaseManager();
        NDManager caller = OfflineEngine.get().newBaseManager();
        GradMode off = GradMode.disabled()) {
      ClipVisionModel clip = tiny(weights);
      NDArray pixels = caller.randomNormal(new Shape(2, 3, 16, 16));
      int weightsBefore = weights.getManagedArrays().size();
      int callerBefore = caller.getManagedArrays().size();
      for (int i = 0; i < 3; i++) {
        ClipVisionOutput out = clip.forward(pixels);
        out.lastHiddenState().close();
        out.pooled().close();
        out.imageEmbeds().close();
        out.penultimateHiddenState().close();
      }
      ClipVisionOutput kept = clip.forward(pixels);
      assertThat(caller.getManagedArrays()).hasSize(callerBefore + 4)
          .contains(kept.lastHiddenState(), kept.pooled(), kept.imageEmbeds(), kept.penultimateHiddenState());
      assertThat(kept.penultimateHiddenState().getShape()).isEqualTo(kept.lastHiddenState().getShape());
      assertThat(kept.penultimateHiddenState().sub(kept.lastHiddenState()).abs().max().getFloat())
          .as("the last layer changes what it is given").isGreaterThan(0f);
      assertThat(weights.getManagedArrays()).hasSize(weightsBefore);
    }
  }

  @Test
  void processedPicturesEncodeOneEmbeddingEach() {
    ClipImageProcessor processor = ClipImageProcessor.from(JsonConfig.parse("p.json", """
        {"size": {"shortest_edge": 16}, "crop_size": {"height": 16, "width": 16}}"""));
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      NDArray pixels = processor.preprocess(List.of(Picture.filled(40, 30, 0x3366CC),
          Picture.filled(30, 40, 0xCC6633)), m);
      ClipVisionOutput out = tiny(m).forward(pixels);
      assertThat(out.lastHiddenState().getShape()).isEqualTo(new Shape(2, 17, 32));
      assertThat(out.imageEmbeds().getShape()).isEqualTo(new Shape(2, 8));
      float[] embeds = out.imageEmbeds().toFloatArray();
      assertThat(embeds[0]).isNotEqualTo(embeds[8]);
    }
  }

  @Test
  void everyLayersSelfAttentionIsNamedForHooks() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThat(tiny(m).attentionLayers()).containsExactly("vision_model.encoder.layers.0.self_attn",
          "vision_model.encoder.layers.1.self_attn");
    }
  }
}
