package dev.crossnet.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryTensorStoreTest extends ManagerPerTest {

  @Test
  void handsTheArrayOverOnceThenLoadsCopies() {
    NDArray original = manager.create(new float[] {1, 2});
    MemoryTensorStore store = new MemoryTensorStore(Path.of("memory"), Map.of("w", original));
    assertThat(store.load("w", manager)).isSameAs(original);
    store.load("w", manager).addi(10);
    assertThat(original.toFloatArray()).containsExactly(1, 2);
  }

  @Test
  void deliversHalfPrecisionAsFloat32() {
    NDArray half = manager.create(new float[] {0.5f}).toType(DataType.FLOAT16, false);
    MemoryTensorStore store = new MemoryTensorStore(Path.of("memory"), Map.of("h", half));
    assertThat(store.info("h").storedType()).isEqualTo(DataType.FLOAT16);
    assertThat(store.load("h", manager).getDataType()).isEqualTo(DataType.FLOAT32);
  }

  @Test
  void aMissingTensorIsNamedWithTheSource() {
    MemoryTensorStore store = new MemoryTensorStore(Path.of("trained-unet"), Map.of());
    assertThatThrownBy(() -> store.load("w", manager)).isInstanceOf(WeightsException.class)
        .hasMessageContaining("trained-unet").hasMessageContaining("'w'");
  }
}
