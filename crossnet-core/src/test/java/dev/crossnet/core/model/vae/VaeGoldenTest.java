package dev.crossnet.core.model.vae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VaeGoldenTest {

  @Test
  void encodeMatchesTheReferenceMeanAndLogvar() throws Exception {
    try (Goldens.Case g = Goldens.open("vae-a")) {
      AutoencoderKL vae = AutoencoderKL.load(g.model(), g.manager());
      LatentDistribution d = vae.encode(g.io("image"));
      float mean = g.error(d.mean(), "mean");
      float logvar = g.error(d.logvar(), "logvar");
      assertThat(Math.max(mean, logvar)).isLessThan(1e-4f);
    }
  }

  @Test
  void decodeMatchesTheReference() throws Exception {
    try (Goldens.Case g = Goldens.open("vae-a")) {
      AutoencoderKL vae = AutoencoderKL.load(g.model(), g.manager());
      assertThat(g.error(vae.decode(g.io("latent")), "decoded")).isLessThan(1e-4f);
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
