package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClipVisionGoldenTest {

  private static ClipVisionOutput run(Goldens.Case g) {
    return ClipVisionModel.load(g.model(), g.manager()).forward(g.io("pixel_values"));
  }

  @Test
  void lastHiddenStateIsTheEncoderOutputBeforePostLayernorm() throws Exception {
    try (Goldens.Case g = Goldens.open("clip-vision-a")) {
      assertThat(g.error(run(g).lastHiddenState(), "last_hidden_state")).isLessThan(1e-5f);
    }
  }

  @Test
  void pooledOutputIsTheNormalisedClassToken() throws Exception {
    try (Goldens.Case g = Goldens.open("clip-vision-a")) {
      assertThat(g.error(run(g).pooled(), "pooler_output")).isLessThan(1e-5f);
    }
  }

  @Test
  void imageEmbedsAreTheProjectedPooledOutput() throws Exception {
    try (Goldens.Case g = Goldens.open("clip-vision-a")) {
      assertThat(g.error(run(g).imageEmbeds(), "image_embeds")).isLessThan(1e-5f);
    }
  }

  @Test
  void namedParametersAreExactlyTheCheckpointKeys() {
    Path model = Goldens.folder("clip-vision-a").resolve("model");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      ClipVisionModel clip = ClipVisionModel.load(model, m);
      MemoryTensorStore store = MemoryTensorStore.read(model.resolve("model.safetensors"), m);
      assertThat(clip.namedParameters().keySet()).containsExactlyInAnyOrderElementsOf(store.names());
    }
  }
}
