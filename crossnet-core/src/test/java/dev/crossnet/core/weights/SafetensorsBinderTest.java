package dev.crossnet.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WeightBinder} over safetensors stores: every problem names the file and the tensor. */
class SafetensorsBinderTest extends ManagerPerTest {

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeCheckpoint() {
    file = dir.resolve("model.safetensors");
    Map<String, ai.djl.ndarray.NDArray> m = new LinkedHashMap<>();
    m.put("proj.weight", manager.zeros(new Shape(4, 3)));
    m.put("proj.bias", manager.zeros(new Shape(4)));
    SafetensorsWriter.write(file, m);
  }

  @Test
  void aMatchingCheckpointBindsCleanly() {
    try (SafetensorsFile store = SafetensorsFile.open(file)) {
      WeightBinder binder = new WeightBinder(store, manager);
      assertThat(binder.take("proj.weight", new Shape(4, 3)).getShape()).isEqualTo(new Shape(4, 3));
      binder.take("proj.bias", new Shape(4));
      binder.finish();
    }
  }

  @Test
  void aMissingTensorIsReportedWithTheFile() {
    try (SafetensorsFile store = SafetensorsFile.open(file)) {
      WeightBinder binder = new WeightBinder(store, manager);
      binder.take("proj.weight", new Shape(4, 3));
      binder.take("proj.bias", new Shape(4));
      binder.take("norm.weight", new Shape(4));
      assertThatThrownBy(binder::finish).isInstanceOf(WeightsException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("missing tensor 'norm.weight'");
    }
  }

  @Test
  void aWrongShapeIsReportedWithTheFile() {
    try (SafetensorsFile store = SafetensorsFile.open(file)) {
      WeightBinder binder = new WeightBinder(store, manager);
      binder.take("proj.weight", new Shape(3, 4));
      binder.take("proj.bias", new Shape(4));
      assertThatThrownBy(binder::finish).isInstanceOf(WeightsException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("tensor 'proj.weight' has shape (4, 3) but the model config needs (3, 4)");
    }
  }

  @Test
  void anExtraTensorIsReportedWithTheFile() {
    try (SafetensorsFile store = SafetensorsFile.open(file)) {
      WeightBinder binder = new WeightBinder(store, manager);
      binder.take("proj.weight", new Shape(4, 3));
      assertThatThrownBy(binder::finish).isInstanceOf(WeightsException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("unexpected tensor 'proj.bias'");
    }
  }

  @Test
  void aWrongShapeInAShardNamesTheShardFile() throws IOException {
    Path shards = Files.createDirectory(dir.resolve("sharded"));
    Files.copy(file, shards.resolve("model-00001-of-00001.safetensors"));
    Files.writeString(shards.resolve("model.safetensors.index.json"), "{\"weight_map\":{"
        + "\"proj.weight\":\"model-00001-of-00001.safetensors\",\"proj.bias\":\"model-00001-of-00001.safetensors\"}}");
    try (TensorStore store = ComponentWeights.open(shards)) {
      WeightBinder binder = new WeightBinder(store, manager);
      binder.take("proj.weight", new Shape(4, 3));
      binder.take("proj.bias", new Shape(5));
      assertThatThrownBy(binder::finish).isInstanceOf(WeightsException.class)
          .hasMessageContaining("tensor 'proj.bias' (in " + shards.resolve("model-00001-of-00001.safetensors"));
    }
  }
}
