package dev.crossnet.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest extends ManagerPerTest {

  @TempDir Path dir;
  /** Opening the file fails with a {@link WeightsException}; chain what its message must say. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertOpeningFails(Path f) {
    return assertThatThrownBy(() -> SafetensorsFile.open(f)).isInstanceOf(WeightsException.class);
  }

  private Path file(String header, byte[] data) throws IOException {
    return SafetensorsBytes.write(dir.resolve("t.safetensors"), header, data);
  }

  @Test
  void readsFloat32TensorsByName() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}",
        SafetensorsBytes.floats(1, 2, 3, 4));
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      NDArray a = st.load("a", manager);
      assertThat(a.getShape()).isEqualTo(new Shape(2, 2));
      assertThat(a.toFloatArray()).containsExactly(1, 2, 3, 4);
    }
  }

  @Test
  void reportsStoredTypeAndShapeWithoutLoading() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]}}", new byte[6]);
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.info("a").storedType()).isEqualTo(DataType.FLOAT16);
      assertThat(st.info("a").shape()).isEqualTo(new Shape(3));
    }
  }

  @Test
  void convertsHalfPrecisionToFloat32() throws IOException {
    // 1.0, -2.0, 0.5 as IEEE half
    byte[] half = {0x00, 0x3C, 0x00, (byte) 0xC0, 0x00, 0x38};
    Path f = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]}}", half);
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      NDArray h = st.load("h", manager);
      assertThat(h.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(h.toFloatArray()).containsExactly(1f, -2f, 0.5f);
    }
  }

  @Test
  void convertsBfloat16ToFloat32() throws IOException {
    // bfloat16 is the top half of a float32: 1.0 = 0x3F80, -3.0 = 0xC040
    byte[] bf = {(byte) 0x80, 0x3F, 0x40, (byte) 0xC0};
    Path f = file("{\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", bf);
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.load("b", manager).toFloatArray()).containsExactly(1f, -3f);
    }
  }

  @Test
  void convertsFloat64ToFloat32() throws IOException {
    ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-8);
    Path f = file("{\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", d.array());
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      NDArray a = st.load("d", manager);
      assertThat(a.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(a.toFloatArray()).containsExactly(0.25f, -8f);
    }
  }

  @Test
  void keepsInt64AndInt32() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(981).putLong(-1).putInt(7)
        .putInt(-7);
    Path f = file("{\"l\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},"
        + "\"i\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[16,24]}}", b.array());
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      NDArray l = st.load("l", manager);
      NDArray i = st.load("i", manager);
      assertThat(l.getDataType()).isEqualTo(DataType.INT64);
      assertThat(l.toLongArray()).containsExactly(981L, -1L);
      assertThat(i.getDataType()).isEqualTo(DataType.INT32);
      assertThat(i.toIntArray()).containsExactly(7, -7);
    }
  }

  @Test
  void keepsBytesAndBooleans() throws IOException {
    Path f = file("{\"u\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]},"
        + "\"s\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[2,3]},"
        + "\"b\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[3,5]}}",
        new byte[] {(byte) 200, 1, -5, 1, 0});
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.load("u", manager).toUint8Array()).containsExactly(200, 1);
      assertThat(st.load("s", manager).toByteArray()).containsExactly((byte) -5);
      assertThat(st.load("b", manager).toBooleanArray()).containsExactly(true, false);
    }
  }

  @Test
  void loadsScalarsAndEmptyTensors() throws IOException {
    Path f = file("{\"s\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
        + "\"e\":{\"dtype\":\"F32\",\"shape\":[0,3],\"data_offsets\":[4,4]}}", SafetensorsBytes.floats(5));
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.load("s", manager).getFloat()).isEqualTo(5f);
      assertThat(st.load("e", manager).getShape()).isEqualTo(new Shape(0, 3));
    }
  }

  @Test
  void loadedTensorsOwnTheirMemory() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", SafetensorsBytes.floats(1, 2));
    NDArray a;
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      a = st.load("a", manager);
    }
    a.addi(1);
    assertThat(a.toFloatArray()).containsExactly(2, 3);
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.load("a", manager).toFloatArray()).containsExactly(1, 2);
    }
  }

  @Test
  void theMappedFallbackLoadsTheSameValues() throws IOException {
    byte[] bf = {(byte) 0x80, 0x3F, 0x40, (byte) 0xC0};
    byte[] data = new byte[12];
    System.arraycopy(SafetensorsBytes.floats(1, 2), 0, data, 0, 8);
    System.arraycopy(bf, 0, data, 8, 4);
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}}", data);
    TensorMemory.forceViews(false);
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      NDArray a = st.load("a", manager);
      assertThat(a.toFloatArray()).containsExactly(1, 2);
      assertThat(st.load("b", manager).toFloatArray()).containsExactly(1f, -3f);
      a.addi(1);
      assertThat(a.toFloatArray()).containsExactly(2, 3);
    } finally {
      TensorMemory.forceViews(null);
    }
  }

  @Test
  void exposesTheMetadataStrings() throws IOException {
    Path f = file("{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[1],"
        + "\"data_offsets\":[0,4]}}", SafetensorsBytes.floats(1));
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThat(st.metadata()).containsEntry("format", "pt");
      assertThat(st.names()).containsExactly("a");
    }
  }

  @Test
  void aMissingTensorIsNamedWithTheFile() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", SafetensorsBytes.floats(1));
    try (SafetensorsFile st = SafetensorsFile.open(f)) {
      assertThatThrownBy(() -> st.load("b", manager)).isInstanceOf(WeightsException.class)
          .hasMessageContaining(f.toString()).hasMessageContaining("'b'");
    }
  }

  @Test
  void aMissingFileIsNamed() {
    Path f = dir.resolve("nope.safetensors");
    assertOpeningFails(f).hasMessageContaining(f.toString()).hasMessageContaining("no such file");
  }

  @Test
  void aFileShorterThanTheLengthFieldIsRefused() throws IOException {
    Path f = dir.resolve("short.safetensors");
    java.nio.file.Files.write(f, new byte[] {1, 2, 3});
    assertOpeningFails(f).hasMessageContaining(f.toString()).hasMessageContaining("too short");
  }

  @Test
  void aHeaderLengthPastTheEndOfFileIsRefused() throws IOException {
    Path f = SafetensorsBytes.writeRaw(dir.resolve("h.safetensors"), 1000, "{}".getBytes(StandardCharsets.UTF_8),
        new byte[0]);
    assertOpeningFails(f)
        .hasMessageContaining(f.toString()).hasMessageContaining("header length 1000 runs past the end");
  }

  @Test
  void aNegativeHeaderLengthIsRefusedWithoutAllocating() throws IOException {
    Path f = SafetensorsBytes.writeRaw(dir.resolve("h.safetensors"), -1, "{}".getBytes(StandardCharsets.UTF_8),
        new byte[0]);
    assertOpeningFails(f).hasMessageContaining("header length 18446744073709551615 runs past the end");
  }

  @Test
  void anAbsurdHeaderLengthIsRefusedWithoutAllocating() throws IOException {
    Path f = dir.resolve("huge.safetensors");
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
      long declared = SafetensorsFile.MAX_HEADER_BYTES + 1;
      raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(declared).array());
      raf.setLength(8 + declared + 8); // sparse: no disk used
    }
    assertOpeningFails(f).hasMessageContaining(f.toString()).hasMessageContaining("exceeds the limit");
  }

  @Test
  void invalidJsonIsRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":", new byte[0]);
    assertOpeningFails(f).hasMessageContaining(f.toString()).hasMessageContaining("not valid safetensors JSON");
  }

  @Test
  void aHeaderThatIsNotUtf8IsRefused() throws IOException {
    byte[] header = {'{', '"', (byte) 0xFF, '"', ':', '1', '}', ' '};
    Path f = SafetensorsBytes.writeRaw(dir.resolve("u.safetensors"), header.length, header, new byte[0]);
    assertOpeningFails(f).hasMessageContaining(f.toString()).hasMessageContaining("not UTF-8");
  }

  @Test
  void metadataThatIsNotStringsIsRefused() throws IOException {
    Path f = file("{\"__metadata__\":{\"epochs\":3}}", new byte[0]);
    assertOpeningFails(f).hasMessageContaining("'__metadata__' value 'epochs' must be a string but is a number");
  }

  @Test
  void aHeaderThatIsNotAnObjectIsRefused() throws IOException {
    Path f = file("[1,2]", new byte[0]);
    assertOpeningFails(f).hasMessageContaining("the header must be a JSON object but is a JSON array");
  }

  @Test
  void aTensorEntryThatIsNotAnObjectIsRefused() throws IOException {
    Path f = file("{\"a\":[0,4]}", new byte[4]);
    assertOpeningFails(f).hasMessageContaining(f.toString()).hasMessageContaining("tensor 'a' must be a JSON object");
  }

  @Test
  void anEntryWithoutOffsetsIsRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", new byte[4]);
    assertOpeningFails(f).hasMessageContaining("tensor 'a' needs \"dtype\", \"shape\" and \"data_offsets\"");
  }

  @Test
  void anUnknownDtypeIsRefusedWithTheSupportedList() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[4],\"data_offsets\":[0,4]}}", new byte[4]);
    assertOpeningFails(f).hasMessageContaining("tensor 'a' has dtype 'F8_E4M3'").hasMessageContaining("F32, F16");
  }

  @Test
  void aNegativeDimensionIsRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1,-4],\"data_offsets\":[0,16]}}", new byte[16]);
    assertOpeningFails(f).hasMessageContaining("tensor 'a' has a negative dimension in shape [-1, -4]");
  }

  @Test
  void aShapeThatDoesNotMatchTheByteCountIsRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
    assertOpeningFails(f).hasMessageContaining(f.toString())
        .hasMessageContaining("tensor 'a' is F32 [3], i.e. 12 bytes, but its data_offsets [0, 8] span 8 bytes");
  }

  @Test
  void anOverflowingShapeIsRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}",
        new byte[8]);
    assertOpeningFails(f).hasMessageContaining("tensor 'a' shape").hasMessageContaining("too large");
  }

  @Test
  void offsetsPastTheDataSectionAreRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[4]);
    assertOpeningFails(f)
        .hasMessageContaining("tensor 'a' data_offsets [0, 8] run past the end of the data section (4 bytes)");
  }

  @Test
  void reversedOffsetsAreRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}", new byte[8]);
    assertOpeningFails(f).hasMessageContaining("tensor 'a' has data_offsets [8, 0]");
  }

  @Test
  void overlappingTensorsAreRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]);
    assertOpeningFails(f).hasMessageContaining("tensors 'a' [0, 8] and 'b' [4, 12] overlap");
  }

  @Test
  void aNameUsedTwiceIsRefused() throws IOException {
    Path f = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
        + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]);
    assertOpeningFails(f).hasMessageContaining("tensor 'a' appears twice");
  }

  @Test
  void deeplyNestedJsonFailsCleanly() throws IOException {
    String deep = "{\"a\":{\"dtype\":\"F32\",\"x\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}}";
    Path f = file(deep, new byte[0]);
    assertOpeningFails(f).hasMessageContaining(f.toString());
  }
}
