package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.nn.GradMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// GradMode resources switch a thread mode for the block; they are not used in it.
@SuppressWarnings("try")
class ClipGoldenTest {

  private static final Logger LOG = LoggerFactory.getLogger(ClipGoldenTest.class);

  private static ClipTextOutput run(NDManager m, Map<String, NDArray> io) {
    ClipTextModel clip = ClipTextModel.load(Goldens.folder("clip-a").resolve("model"), m);
    return clip.forward(io.get("input_ids"));
  }

  @Test
  void lastHiddenStateMatchesTheReference() throws Exception {
    Path dir = Goldens.folder("clip-a");
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      Map<String, NDArray> io = Goldens.read(dir.resolve("io.safetensors"), m);
      float err = Goldens.maxAbsDiff(run(m, io).lastHiddenState(), io.get("last_hidden_state"));
      LOG.info("clip-a last_hidden_state max abs error {}", err);
      assertThat(err).isLessThan(1e-4f);
    }
  }

  @Test
  void pooledOutputIsTheHiddenStateAtTheFirstEos() throws Exception {
    Path dir = Goldens.folder("clip-a");
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      Map<String, NDArray> io = Goldens.read(dir.resolve("io.safetensors"), m);
      float err = Goldens.maxAbsDiff(run(m, io).pooled(), io.get("pooler_output"));
      LOG.info("clip-a pooler_output max abs error {}", err);
      assertThat(err).isLessThan(1e-4f);
    }
  }
}
