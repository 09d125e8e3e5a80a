package dev.crossnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.testing.TinyModelFolder;
import dev.crossnet.core.weights.WeightsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder with an image adapter, without one, and with a broken one. */
class ImageAdapterFolderTest {

  @Test
  void aFolderLoadsWithItsAdapterAndWithoutOne(@TempDir Path dir) {
    Path with = TinyModelFolder.assembleWithAdapter(dir.resolve("with"), 3);
    Path without = TinyModelFolder.assemble(dir.resolve("without"));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(with, m);
      assertThat(model.imageAdapter()).isPresent();
      assertThat(DiffusionModel.load(without, m).imageAdapter()).isEmpty();
      NDArray embeds = model.imageAdapter().get().embed(List.of(Picture.filled(20, 12, 0x3060C0)),
          List.of(Optional.empty()), m);
      assertThat(embeds.getShape().get(0)).isEqualTo(1);
      assertThat(embeds.getShape().get(1)).isEqualTo(model.imageAdapter().get().adapter().embedDim());
    }
  }

  @Test
  void savingAModelKeepsItsAdapter(@TempDir Path dir) {
    Path with = TinyModelFolder.assembleWithAdapter(dir.resolve("with"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(with, m);
      model.save(dir.resolve("copy"));
      DiffusionModel copy = DiffusionModel.load(dir.resolve("copy"), m);
      Map<String, NDArray> a = model.imageAdapter().orElseThrow().namedParameters();
      Map<String, NDArray> b = copy.imageAdapter().orElseThrow().namedParameters();
      assertThat(b.keySet()).isEqualTo(a.keySet());
      a.forEach((name, value) -> assertThat(b.get(name).toFloatArray()).as(name).containsExactly(value.toFloatArray()));
    }
  }

  @Test
  void halfAnAdapterIsRefusedNamingWhatIsMissing(@TempDir Path dir) throws Exception {
    Path model = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    Path file = model.resolve("ip_adapter").resolve("ip-adapter.safetensors");
    Files.move(file, dir.resolve("aside.safetensors"));
    Files.delete(model.resolve("ip_adapter"));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThatThrownBy(() -> DiffusionModel.load(model, m))
          .hasMessageContaining("has image_encoder/ but no ip_adapter/");
    }
  }

  @Test
  void twoAdapterFilesAreRefused(@TempDir Path dir) throws Exception {
    Path model = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    Path folder = model.resolve("ip_adapter");
    Files.copy(folder.resolve("ip-adapter.safetensors"), folder.resolve("other.safetensors"));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThatThrownBy(() -> DiffusionModel.load(model, m))
          .hasMessageContaining("holds 2 .safetensors files").hasMessageContaining("exactly one");
    }
  }

  @Test
  void anAdapterForAnotherUnetIsRefusedNamingFileAndTensor(@TempDir Path dir) throws Exception {
    Path model = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    Path file = model.resolve("ip_adapter").resolve("ip-adapter.safetensors");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Map<String, NDArray> tensors = new java.util.LinkedHashMap<>();
      try (var store = WeightsOpener.IN_MEMORY.open(file, m)) {
        for (String name : store.names()) {
          NDArray a = store.load(name, m);
          tensors.put(name, name.equals("ip_adapter.1.to_k_ip.weight") ? a.get(":, 0:2") : a);
        }
      }
      dev.crossnet.core.weights.SafetensorsWriter.write(file, tensors);
      assertThatThrownBy(() -> DiffusionModel.load(model, m))
          .isInstanceOf(WeightsException.class)
          .hasMessageContaining("ip-adapter.safetensors")
          .hasMessageContaining("ip_adapter.1.to_k_ip.weight");
    }
  }
}
