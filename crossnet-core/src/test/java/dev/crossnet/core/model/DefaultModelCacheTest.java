package dev.crossnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached copy of the embedded default model is checked against the shipped content and repaired. */
class DefaultModelCacheTest {

  private static final String UNET = "unet/diffusion_pytorch_model.safetensors";

  @TempDir Path cache;

  @Test
  void aCorruptedCachedWeightsFileIsCopiedAgainAndTheModelLoads() throws IOException {
    Path folder = DefaultModel.folder(cache);
    byte[] good = Files.readAllBytes(folder.resolve(UNET));
    byte[] bad = good.clone();
    for (int i = bad.length - 4096; i < bad.length; i++) {
      bad[i] = (byte) 0xFF; // NaN patterns in the last weights, the size unchanged
    }
    Files.write(folder.resolve(UNET), bad);

    Path again = DefaultModel.folder(cache);

    assertThat(again).isEqualTo(folder);
    assertThat(Files.readAllBytes(again.resolve(UNET))).isEqualTo(good);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThat(DiffusionModel.load(again, m).unet()).isNotNull();
    }
  }

  @Test
  void aTruncatedOrMissingCachedFileIsCopiedAgain() throws IOException {
    Path folder = DefaultModel.folder(cache);
    Path vae = folder.resolve("vae/diffusion_pytorch_model.safetensors");
    byte[] good = Files.readAllBytes(vae);
    Files.write(vae, Arrays.copyOf(good, good.length / 3));
    Path config = folder.resolve("unet/config.json");
    String configText = Files.readString(config);
    Files.delete(config);

    DefaultModel.folder(cache);

    assertThat(Files.readAllBytes(vae)).isEqualTo(good);
    assertThat(Files.readString(config)).isEqualTo(configText);
  }
}
