package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

// GradMode resources switch a thread mode for the block; they are not used in it.
@SuppressWarnings("try")
class ClipCheckpointTest {

  @Test
  void namedParametersAreExactlyTheCheckpointKeys() {
    Path model = Goldens.folder("clip-a").resolve("model");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      ClipTextModel clip = ClipTextModel.load(model, m);
      MemoryTensorStore store = MemoryTensorStore.read(model.resolve("model.safetensors"), m);
      assertThat(clip.namedParameters().keySet()).containsExactlyInAnyOrderElementsOf(store.names());
    }
  }

  @Test
  void repeatedForwardsLeaveOnlyTheirOutputsInTheCallersManager() {
    Path model = Goldens.folder("clip-a").resolve("model");
    try (NDManager weights = OfflineEngine.get().newBaseManager();
        NDManager caller = OfflineEngine.get().newBaseManager();
        GradMode off = GradMode.disabled()) {
      ClipTextModel clip = ClipTextModel.load(model, weights);
      NDArray ids = caller.create(new long[] {998, 5, 6, 999, 999, 999}).reshape(1, 6);
      int weightsBefore = weights.getManagedArrays().size();
      int callerBefore = caller.getManagedArrays().size();
      for (int i = 0; i < 5; i++) {
        ClipTextOutput out = clip.forward(ids);
        out.lastHiddenState().close();
        out.pooled().close();
      }
      ClipTextOutput kept = clip.forward(ids);
      assertThat(caller.getManagedArrays()).hasSize(callerBefore + 2)
          .contains(kept.lastHiddenState(), kept.pooled());
      assertThat(weights.getManagedArrays()).hasSize(weightsBefore);
    }
  }
}
