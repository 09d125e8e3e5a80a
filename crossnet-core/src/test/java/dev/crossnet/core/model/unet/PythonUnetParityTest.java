package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The UNet and text encoder of {@code tools/gpu/crossnet_unet.py} (which trains the default model v2's denoiser on
 * a GPU) against crossnet-core's: tiny random models written by {@code tools/gpu/parity.py}, with inputs and the
 * Python module's outputs. Java must load the weights as they are and compute the same text states and
 * prediction.
 */
class PythonUnetParityTest {

  @Test
  void javaComputesWhatThePythonTrainerComputesOnTheSameWeights() throws URISyntaxException {
    Path folder = Path.of(getClass().getResource("/dev/crossnet/core/gpu-parity").toURI());
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled();
        MemoryTensorStore io = MemoryTensorStore.read(folder.resolve("unet-io.safetensors"), m)) {
      ClipTextModel text = ClipTextModel.load(folder.resolve("text_encoder"), m);
      UNet2DConditionModel unet = UNet2DConditionModel.load(folder.resolve("unet"), m);
      NDArray hidden = text.forward(io.load("ids", m).toType(DataType.INT64, false)).lastHiddenState();
      NDArray prediction = unet.forward(io.load("sample", m), io.load("timesteps", m), io.load("hidden", m));
      assertThat(hidden.sub(io.load("hidden", m)).abs().max().getFloat()).isLessThan(1e-4f);
      assertThat(prediction.sub(io.load("prediction", m)).abs().max().getFloat()).isLessThan(1e-4f);
    }
  }
}
