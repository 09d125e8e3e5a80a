package dev.crossnet.core.model.vae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The autoencoder of {@code tools/gpu/crossnet_vae.py} (which trains the default model's VAE on a GPU) against
 * crossnet-core's: a tiny random model written by {@code tools/gpu/parity.py}, with an input and the Python
 * module's outputs. Java must load the weights as they are and compute the same latent mean and decoding.
 */
class PythonVaeParityTest {

  @Test
  void javaComputesWhatThePythonTrainerComputesOnTheSameWeights() throws URISyntaxException {
    Path folder = Path.of(getClass().getResource("/dev/crossnet/core/gpu-parity").toURI());
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled();
        MemoryTensorStore io = MemoryTensorStore.read(folder.resolve("io.safetensors"), m)) {
      AutoencoderKL vae = AutoencoderKL.load(folder.resolve("vae"), m);
      NDArray mean = vae.encode(io.load("input", m)).mean();
      NDArray decoded = vae.decode(mean);
      assertThat(mean.sub(io.load("mean", m)).abs().max().getFloat()).isLessThan(1e-4f);
      assertThat(decoded.sub(io.load("decoded", m)).abs().max().getFloat()).isLessThan(1e-4f);
    }
  }
}
