package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes safetensors files: the JSON header padded with spaces to a multiple of 8 bytes (as the reference
 * writer does, so the data section is 8-byte aligned), then every tensor's little-endian bytes in header
 * order, one tensor at a time, so files of any size can be written. The file appears atomically: it is
 * written to a temporary file in the same folder, flushed to disk and renamed over the target.
 *
 * <pre>{@code
 * SafetensorsWriter.write(path, Map.of("weight", w, "bias", b), Map.of("format", "pt"));
 * }</pre>
 */
public final class SafetensorsWriter {

  private SafetensorsWriter() {}

  /**
   * One tensor to write: its header entry and a supplier of its little-endian bytes, asked for only when
   * its turn comes so that a writer need not hold every tensor at once.
   */
  public record PendingTensor(String name, SafetensorsDtype dtype, Shape shape, Supplier<ByteBuffer> bytes) {

    /** A tensor taken from an array (F32, F16, F64, BF16, I64, I32, I8, U8 and BOOL arrays). */
    public static PendingTensor of(String name, NDArray array) {
      DataType type = array.getDataType();
      SafetensorsDtype dtype = SafetensorsDtype.of(type).orElseThrow(() -> new WeightsException(
          "tensor '" + name + "' has type " + type + ", which safetensors cannot store here (supported: "
              + SafetensorsDtype.supportedNames() + "); convert it with toType first"));
      return new PendingTensor(name, dtype, array.getShape(), array::toByteBuffer);
    }

    long byteLength() {
      return shape.size() * dtype.bytes();
    }
  }

  /** Writes the arrays, in the map's iteration order, without metadata. */
  public static void write(Path file, Map<String, NDArray> tensors) {
    write(file, tensors, Map.of());
  }

  /** Writes the arrays, in the map's iteration order, with {@code __metadata__} strings. */
  public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) {
    List<PendingTensor> pending = new ArrayList<>();
    tensors.forEach((name, array) -> pending.add(PendingTensor.of(name, array)));
    writeStreaming(file, pending, metadata);
  }

  /** Writes tensors whose bytes are produced one at a time, in list order. */
  public static void writeStreaming(Path file, List<PendingTensor> tensors, Map<String, String> metadata) {
    byte[] header = header(file, tensors, metadata);
    Path folder = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        writeAll(out, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip());
        writeAll(out, ByteBuffer.wrap(header));
        for (PendingTensor t : tensors) {
          ByteBuffer bytes = t.bytes().get().duplicate();
          if (bytes.remaining() != t.byteLength()) {
            throw new WeightsException(file + ": tensor '" + t.name() + "' supplied " + bytes.remaining()
                + " bytes but " + t.dtype() + " " + t.shape() + " needs " + t.byteLength());
          }
          writeAll(out, bytes);
        }
        out.force(true);
      }
      moveIntoPlace(temp, file);
      syncFolder(folder);
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot write (" + e.getMessage() + ")", e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static byte[] header(Path file, List<PendingTensor> tensors, Map<String, String> metadata) {
    StringWriter text = new StringWriter();
    Set<String> seen = new HashSet<>();
    try (JsonWriter json = new JsonWriter(text)) {
      json.beginObject();
      if (!metadata.isEmpty()) {
        json.name(SafetensorsHeader.METADATA_KEY).beginObject();
        for (Map.Entry<String, String> m : metadata.entrySet()) {
          json.name(m.getKey()).value(m.getValue());
        }
        json.endObject();
      }
      long offset = 0;
      for (PendingTensor t : tensors) {
        if (t.name().isEmpty() || t.name().equals(SafetensorsHeader.METADATA_KEY) || !seen.add(t.name())) {
          throw new WeightsException(file + ": tensor name '" + t.name()
              + "' is empty, reserved or used twice; give every tensor its own name");
        }
        json.name(t.name()).beginObject();
        json.name("dtype").value(t.dtype().name());
        json.name("shape").beginArray();
        for (long d : t.shape().getShape()) {
          json.value(d);
        }
        json.endArray();
        json.name("data_offsets").beginArray().value(offset).value(offset + t.byteLength()).endArray();
        json.endObject();
        offset += t.byteLength();
      }
      json.endObject();
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot build the header", e);
    }
    byte[] raw = text.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (raw.length + 7) / 8 * 8;
    byte[] out = new byte[padded];
    System.arraycopy(raw, 0, out, 0, raw.length);
    Arrays.fill(out, raw.length, padded, (byte) ' ');
    return out;
  }

  private static void writeAll(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static void moveIntoPlace(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the rename itself durable; not every platform can open a folder, so failure is harmless. */
  private static void syncFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the file itself is already on disk
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // nothing left to do: the temporary file only wastes space
      }
    }
  }
}
