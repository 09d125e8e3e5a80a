package dev.crossnet.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsWriterTest extends ManagerPerTest {

  @TempDir Path dir;
  private Map<String, NDArray> sample() {
    Map<String, NDArray> m = new LinkedHashMap<>();
    m.put("w", manager.create(new float[] {1.5f, -2, 3, 4, 5, 6}, new Shape(2, 3)));
    m.put("steps", manager.create(new long[] {981, 1}));
    m.put("half", manager.create(new float[] {0.5f, -1}).toType(DataType.FLOAT16, false));
    return m;
  }

  @Test
  void roundTripsFloat32Int64AndFloat16() {
    Path f = dir.resolve("x.safetensors");
    SafetensorsWriter.write(f, sample());
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.names()).containsExactly("w", "steps", "half");
      NDArray w = st.load("w", manager);
      assertThat(w.getShape()).isEqualTo(new Shape(2, 3));
      assertThat(w.toFloatArray()).containsExactly(1.5f, -2, 3, 4, 5, 6);
      assertThat(st.load("steps", manager).toLongArray()).containsExactly(981L, 1L);
      assertThat(st.info("half").storedType()).isEqualTo(DataType.FLOAT16);
      assertThat(st.load("half", manager).toFloatArray()).containsExactly(0.5f, -1f);
    }
  }

  @Test
  void roundTripsMetadata() {
    Path f = dir.resolve("x.safetensors");
    SafetensorsWriter.write(f, sample(), Map.of("format", "pt", "note", "\"quoted\" ünïcode"));
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.metadata()).containsEntry("format", "pt").containsEntry("note", "\"quoted\" ünïcode");
    }
  }

  @Test
  void padsTheHeaderWithSpacesToEightBytes() throws IOException {
    Path f = dir.resolve("x.safetensors");
    SafetensorsWriter.write(f, Map.of("a", manager.create(new float[] {1})));
    byte[] bytes = Files.readAllBytes(f);
    long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(headerLength % 8).isZero();
    assertThat(bytes[(int) (8 + headerLength - 1)]).isIn((byte) ' ', (byte) '}');
    assertThat(bytes.length).isEqualTo(8 + headerLength + 4);
  }

  @Test
  void djlReadsWhatItWrites() throws IOException {
    Path f = dir.resolve("x.safetensors");
    SafetensorsWriter.write(f, sample());
    try (InputStream in = Files.newInputStream(f)) {
      NDList list = NDList.decode(manager, in);
      assertThat(list).hasSize(3);
      assertThat(list.get("w").toFloatArray()).containsExactly(1.5f, -2, 3, 4, 5, 6);
      assertThat(list.get("steps").toLongArray()).containsExactly(981L, 1L);
      assertThat(list.get("half").getDataType()).isEqualTo(DataType.FLOAT16);
    }
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path f = dir.resolve("x.safetensors");
    SafetensorsWriter.write(f, Map.of("old", manager.create(new float[] {1})));
    SafetensorsWriter.write(f, Map.of("new", manager.create(new float[] {2})));
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.names()).containsExactly("new");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFiles() throws IOException {
    Path f = dir.resolve("x.safetensors");
    SafetensorsWriter.write(f, Map.of("old", manager.create(new float[] {1})));
    List<SafetensorsWriter.PendingTensor> broken = List.of(new SafetensorsWriter.PendingTensor("a",
        SafetensorsDtype.F32, new Shape(4), () -> ByteBuffer.allocate(3)));
    assertThatThrownBy(() -> SafetensorsWriter.writeStreaming(f, broken, Map.of()))
        .isInstanceOf(WeightsException.class).hasMessageContaining("tensor 'a' supplied 3 bytes but F32 (4) needs 16");
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.names()).containsExactly("old");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void streamsTensorsSuppliedOneAtATime() {
    Path f = dir.resolve("x.safetensors");
    List<SafetensorsWriter.PendingTensor> pending = List.of(
        new SafetensorsWriter.PendingTensor("a", SafetensorsDtype.F32, new Shape(2),
            () -> ByteBuffer.wrap(SafetensorsBytes.floats(7, 8))),
        new SafetensorsWriter.PendingTensor("b", SafetensorsDtype.F32, new Shape(1),
            () -> ByteBuffer.wrap(SafetensorsBytes.floats(9))));
    SafetensorsWriter.writeStreaming(f, pending, Map.of());
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.load("a", manager).toFloatArray()).containsExactly(7, 8);
      assertThat(st.load("b", manager).toFloatArray()).containsExactly(9);
    }
  }

  @Test
  void theReservedMetadataNameIsRefused() {
    Path f = dir.resolve("x.safetensors");
    assertThatThrownBy(() -> SafetensorsWriter.write(f, Map.of("__metadata__", manager.create(new float[] {1}))))
        .isInstanceOf(WeightsException.class).hasMessageContaining("'__metadata__'");
  }
}
