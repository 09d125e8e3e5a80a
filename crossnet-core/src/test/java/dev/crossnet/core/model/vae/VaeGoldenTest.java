package dev.crossnet.core.model.vae;

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
class VaeGoldenTest {

  private static final Logger LOG = LoggerFactory.getLogger(VaeGoldenTest.class);

  @Test
  void encodeMatchesTheReferenceMeanAndLogvar() throws Exception {
    Path dir = Goldens.folder("vae-a");
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      AutoencoderKL vae = AutoencoderKL.load(dir.resolve("model"), m);
      Map<String, NDArray> io = Goldens.read(dir.resolve("io.safetensors"), m);
      LatentDistribution d = vae.encode(io.get("image"));
      float mean = Goldens.maxAbsDiff(d.mean(), io.get("mean"));
      float logvar = Goldens.maxAbsDiff(d.logvar(), io.get("logvar"));
      LOG.info("vae-a encode max abs error mean {} logvar {}", mean, logvar);
      assertThat(Math.max(mean, logvar)).isLessThan(1e-4f);
    }
  }

  @Test
  void decodeMatchesTheReference() throws Exception {
    Path dir = Goldens.folder("vae-a");
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      AutoencoderKL vae = AutoencoderKL.load(dir.resolve("model"), m);
      Map<String, NDArray> io = Goldens.read(dir.resolve("io.safetensors"), m);
      float err = Goldens.maxAbsDiff(vae.decode(io.get("latent")), io.get("decoded"));
      LOG.info("vae-a decode max abs error {}", err);
      assertThat(err).isLessThan(1e-4f);
    }
  }

  @Test
  void aFolderWithoutConfigMeansNoVae() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Path none = java.nio.file.Files.createTempDirectory("no-vae");
      assertThat(AutoencoderKL.loadIfPresent(none, m)).isEmpty();
    }
  }
}
