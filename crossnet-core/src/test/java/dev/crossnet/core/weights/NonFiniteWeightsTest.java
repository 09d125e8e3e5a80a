package dev.crossnet.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights holding NaN or infinity are refused at load, naming the file and every such tensor. */
class NonFiniteWeightsTest extends ManagerPerTest {

  @TempDir Path dir;

  private Path checkpoint(float bad) {
    Path file = dir.resolve("model.safetensors");
    Map<String, NDArray> m = new LinkedHashMap<>();
    m.put("proj.weight", manager.create(new float[] {0.5f, -1f, bad, 2f}, new Shape(2, 2)));
    m.put("proj.bias", manager.zeros(new Shape(2)));
    SafetensorsWriter.write(file, m);
    return file;
  }

  @Test
  void aNaNWeightIsRefusedNamingFileAndTensor() {
    Path file = checkpoint(Float.NaN);
    try (SafetensorsFile store = SafetensorsFile.open(file)) {
      WeightBinder binder = new WeightBinder(store, manager);
      binder.take("proj.weight", new Shape(2, 2));
      binder.take("proj.bias", new Shape(2));
      assertThatThrownBy(binder::finish).isInstanceOf(WeightsException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("tensor 'proj.weight'")
          .hasMessageContaining("1 NaN and 0 infinite value(s) of 4")
          .hasMessageContaining("download or export it again")
          .message().doesNotContain("proj.bias");
    }
  }

  @Test
  void anInfiniteWeightIsRefusedToo() {
    Path file = checkpoint(Float.NEGATIVE_INFINITY);
    try (SafetensorsFile store = SafetensorsFile.open(file)) {
      WeightBinder binder = new WeightBinder(store, manager);
      binder.take("proj.weight");
      binder.take("proj.bias");
      assertThatThrownBy(binder::finish).hasMessageContaining("0 NaN and 1 infinite value(s) of 4");
    }
  }

  @Test
  void hugeFiniteWeightsWhoseSumOverflowsAreAccepted() {
    assertThat(NonFiniteValues.describe(manager.create(new float[] {3e38f, 3e38f, 3e38f}))).isEmpty();
    assertThat(NonFiniteValues.describe(manager.create(new int[] {1, 2}))).isEmpty();
  }

  @Test
  void aModelFolderWithANaNWeightFailsToLoadNamingTheComponentFile() {
    Path model = TinyModelFolder.assemble(dir.resolve("model"));
    Path unet = model.resolve("unet/diffusion_pytorch_model.safetensors");
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    String poisoned;
    try (SafetensorsFile store = SafetensorsFile.open(unet)) {
      for (String name : store.names()) {
        tensors.put(name, store.load(name, manager));
      }
      poisoned = store.names().stream().filter(n -> n.endsWith("conv_in.weight")).findFirst().orElseThrow();
    }
    NDArray w = tensors.get(poisoned);
    float[] values = w.toFloatArray();
    values[values.length / 2] = Float.NaN;
    tensors.put(poisoned, manager.create(values, w.getShape()));
    SafetensorsWriter.write(unet, tensors);

    assertThatThrownBy(() -> DiffusionModel.load(model, manager))
        .hasMessageContaining(unet.getFileName().toString())
        .hasMessageContaining("tensor '" + poisoned + "'")
        .hasMessageContaining("not finite");
  }
}
