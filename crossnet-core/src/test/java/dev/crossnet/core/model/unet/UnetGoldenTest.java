package dev.crossnet.core.model.unet;

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
class UnetGoldenTest {

  private static final Logger LOG = LoggerFactory.getLogger(UnetGoldenTest.class);

  @Test
  void matchesDiffusersOutputOnTheGoldenInputs() throws Exception {
    Path dir = Goldens.folder("unet-a");
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(dir.resolve("model"), m);
      Map<String, NDArray> io = Goldens.read(dir.resolve("io.safetensors"), m);
      NDArray out = unet.forward(io.get("sample"), io.get("timestep"), io.get("encoder_hidden_states"));
      float err = Goldens.maxAbsDiff(out, io.get("out"));
      LOG.info("unet-a max abs error {}", err);
      assertThat(out.getShape()).isEqualTo(io.get("out").getShape());
      assertThat(err).isLessThan(1e-4f);
    }
  }
}
