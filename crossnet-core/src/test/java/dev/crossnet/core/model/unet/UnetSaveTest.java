package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.nn.GradMode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// GradMode resources switch a thread mode for the block; they are not used in it.
@SuppressWarnings("try")
class UnetSaveTest {

  @TempDir
  Path dir;

  @Test
  void namedParametersSavedAsSafetensorsLoadBackToTheSameModel() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SMALL, m);
      Files.writeString(dir.resolve("config.json"), TinyUnets.SMALL);
      try (OutputStream out = Files.newOutputStream(dir.resolve("diffusion_pytorch_model.safetensors"))) {
        new NDList(unet.namedParameters().values().toArray(new NDArray[0])).encode(out, NDList.Encoding.SAFETENSORS);
      }
      UNet2DConditionModel reloaded = UNet2DConditionModel.load(dir, m);
      NDArray x = m.randomNormal(new Shape(1, 4, 8, 8));
      NDArray t = m.create(new long[] {42});
      NDArray text = m.randomNormal(new Shape(1, 3, 8));
      assertThat(reloaded.forward(x, t, text).sub(unet.forward(x, t, text)).abs().max().getFloat()).isEqualTo(0f);
    }
  }
}
