package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A safetensors file read on demand. Opening reads only the 8-byte header length and the JSON header, and
 * checks every entry; {@link #load} then reads just that tensor's bytes, by positional reads straight into
 * the new tensor's memory (or, when the engine cannot expose it, through a memory mapping of that tensor
 * alone), so the file is never held in memory twice and files of any size work.
 *
 * <pre>{@code
 * try (SafetensorsFile file = SafetensorsFile.open(path)) {
 *   NDArray w = file.load("conv_in.weight", manager);
 * }
 * }</pre>
 */
public final class SafetensorsFile implements TensorStore {

  /** Largest header accepted; real checkpoints stay under a few MB, so more means a damaged file. */
  public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(SafetensorsFile.class);

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final SafetensorsHeader header;

  private SafetensorsFile(Path file, FileChannel channel, long dataStart, SafetensorsHeader header) {
    this.file = file;
    this.channel = channel;
    this.dataStart = dataStart;
    this.header = header;
  }

  /** Opens and checks the header; fails with a {@link WeightsException} naming the file when it is damaged. */
  public static SafetensorsFile open(Path file) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new WeightsException(file + ": no such file", e);
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot open (" + e.getMessage() + ")", e);
    }
    try {
      long size = size(file, channel);
      if (size < 8) {
        throw new WeightsException(file + ": " + size + " bytes is too short for a safetensors file"
            + " (it starts with an 8-byte header length)");
      }
      long headerLength = readFully(file, channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (headerLength < 0 || headerLength > size - 8) {
        throw new WeightsException(file + ": header length " + Long.toUnsignedString(headerLength)
            + " runs past the end of the file (" + size + " bytes); the file is truncated or not safetensors");
      }
      if (headerLength > MAX_HEADER_BYTES) {
        throw new WeightsException(file + ": header length " + headerLength + " exceeds the limit of "
            + MAX_HEADER_BYTES + " bytes; the file is damaged or not safetensors");
      }
      ByteBuffer json = readFully(file, channel, 8, (int) headerLength);
      String text = utf8(file, json);
      long dataStart = 8 + headerLength;
      SafetensorsHeader header = SafetensorsHeader.parse(file, text, size - dataStart);
      LOG.debug("opened {}: {} tensors, {} data bytes", file, header.entries().size(), size - dataStart);
      return new SafetensorsFile(file, channel, dataStart, header);
    } catch (RuntimeException e) {
      closeQuietly(channel, e);
      throw e;
    }
  }

  private static String utf8(Path file, ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new WeightsException(file + ": the header is not UTF-8 text; the file is damaged or not safetensors", e);
    }
  }

  private static long size(Path file, FileChannel channel) {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot read its size (" + e.getMessage() + ")", e);
    }
  }

  private static ByteBuffer readFully(Path file, FileChannel channel, long position, int length) {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new WeightsException(file + ": unexpected end of file at byte " + (position + buffer.position()));
        }
      }
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    return buffer.flip();
  }

  private static void closeQuietly(FileChannel channel, Exception primary) {
    try {
      channel.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  @Override
  public Path source() {
    return file;
  }

  @Override
  public Set<String> names() {
    return header.entries().keySet();
  }

  /** The {@code __metadata__} strings of the header (empty when it has none). */
  public Map<String, String> metadata() {
    return header.metadata();
  }

  @Override
  public TensorInfo info(String name) {
    SafetensorsHeader.Entry e = entry(name);
    return new TensorInfo(name, e.dtype().djlType(), e.shape());
  }

  /**
   * Loads one tensor: floating types as float32, integer and boolean types unchanged. The result owns
   * its memory (it is not backed by the file), so in-place operations on it are safe.
   */
  @Override
  public NDArray load(String name, NDManager manager) {
    SafetensorsHeader.Entry e = entry(name);
    if (e.length() > Integer.MAX_VALUE) {
      throw new WeightsException(file + ": tensor '" + name + "' is " + e.length()
          + " bytes; DJL tensors are limited to 2 GiB each");
    }
    DataType stored = e.dtype().djlType();
    DataType target = e.dtype().isFloating() ? DataType.FLOAT32 : stored;
    NDArray out;
    if (e.length() == 0) {
      out = manager.zeros(e.shape(), target);
    } else if (e.dtype() == SafetensorsDtype.BF16) {
      out = loadBfloat16(e, manager);
    } else if (target == stored) {
      out = read(e, manager);
    } else {
      try (NDArray raw = read(e, manager)) {
        out = raw.toType(target, false);
      }
    }
    out.setName(name);
    return out;
  }

  /** The stored bytes in a new tensor of the stored type: read straight into its memory when possible. */
  private NDArray read(SafetensorsHeader.Entry e, NDManager manager) {
    NDArray tensor = manager.create(e.shape(), e.dtype().djlType());
    ByteBuffer view = TensorMemory.writableView(tensor, e.length());
    if (view != null) {
      try {
        readFully(view, e);
      } catch (RuntimeException ex) {
        tensor.close();
        throw ex;
      }
      return tensor;
    }
    tensor.close();
    // a tensor made over the mapping does not own its memory: copy it before letting go
    try (NDArray mapped = manager.create(map(e), e.shape(), e.dtype().djlType())) {
      return mapped.duplicate();
    }
  }

  private void readFully(ByteBuffer view, SafetensorsHeader.Entry e) {
    long position = dataStart + e.begin();
    try {
      while (view.hasRemaining()) {
        if (channel.read(view, position + view.position()) < 0) {
          throw new WeightsException(file + ": the file ended while reading tensor '" + e.name()
              + "'; was it truncated after opening?");
        }
      }
    } catch (IOException ex) {
      throw new WeightsException(file + ": cannot read tensor '" + e.name() + "' (" + ex.getMessage() + ")", ex);
    }
  }

  /** DJL 0.36's PyTorch engine aborts the JVM when asked to wrap a bfloat16 buffer, so widen in Java. */
  private NDArray loadBfloat16(SafetensorsHeader.Entry e, NDManager manager) {
    NDArray tensor = manager.create(e.shape(), DataType.FLOAT32);
    ByteBuffer view = TensorMemory.writableView(tensor, e.length() * 2);
    if (view != null) {
      try {
        Bfloat16.widen(map(e), view);
      } catch (RuntimeException ex) {
        tensor.close();
        throw ex;
      }
      return tensor;
    }
    tensor.close();
    try (NDArray wrapped = manager.create(Bfloat16.widen(map(e)), e.shape(), DataType.FLOAT32)) {
      return wrapped.duplicate();
    }
  }

  private MappedByteBuffer map(SafetensorsHeader.Entry e) {
    try {
      MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), e.length());
      buffer.order(ByteOrder.LITTLE_ENDIAN);
      return buffer;
    } catch (IOException ex) {
      throw new WeightsException(file + ": cannot map tensor '" + e.name() + "' (" + ex.getMessage() + ")", ex);
    }
  }

  private SafetensorsHeader.Entry entry(String name) {
    SafetensorsHeader.Entry e = header.entries().get(name);
    if (e == null) {
      throw new WeightsException(file + ": no tensor named '" + name + "' (the file has "
          + header.entries().size() + " tensors)");
    }
    return e;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("closing {} failed: {}", file, e.getMessage());
    }
  }
}
