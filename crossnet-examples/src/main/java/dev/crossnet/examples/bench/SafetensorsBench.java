package dev.crossnet.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.weights.SafetensorsDtype;
import dev.crossnet.core.weights.SafetensorsFile;
import dev.crossnet.core.weights.SafetensorsWriter;
import dev.crossnet.core.weights.SafetensorsWriter.PendingTensor;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Writes a float32 safetensors file the size of Stable Diffusion 1.5's UNet (3.44 GB, several hundred
 * tensors of UNet-like shapes), then times, with the file in the page cache for every measurement: opening it (header
 * and checks), loading every tensor fully into DJL, and reading the file once sequentially into a direct
 * buffer, the floor any loader is compared against. The file is deleted at the end.
 *
 * <pre>
 * java -cp "crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*" \
 *     dev.crossnet.examples.bench.SafetensorsBench [gigabytes=3.44] [folder=/tmp] [rounds=3]
 * </pre>
 */
@Command(name = "SafetensorsBench", sortOptions = false, sortSynopsis = false,
    description = "Writes a safetensors file the size of SD 1.5's UNet and times opening it, loading every tensor "
        + "and reading it sequentially.")
public final class SafetensorsBench implements Callable<Integer> {

  /** Shapes cycled through until the target size is reached (UNet convs, attention and norms). */
  private static final long[][] SHAPES = {
      {1280, 1280, 3, 3}, {1280}, {1280}, {1280}, {1280, 1280}, {1280, 1280}, {1280, 768}, {1280, 768},
      {10240, 1280}, {10240}, {1280, 5120}, {640, 640, 3, 3}, {640}, {640}, {640}, {640, 640}, {640, 640},
      {640, 768}, {5120, 640}, {640, 2560}, {320, 320, 3, 3}, {320}, {320}, {320, 320}, {320, 768},
      {2560, 320}, {320, 1280}, {1280, 2560, 1, 1}, {640, 1280, 3, 3}, {1280, 1280, 3, 3},
      // norms and biases: most of a UNet's tensors are small
      {1280}, {1280}, {1280}, {1280}, {1280}, {1280}, {640}, {640}, {640}, {640}, {640}, {640},
      {320}, {320}, {320}, {320}, {320}, {320}, {2560}, {2560}, {5120}, {5120}, {10240}, {768}};

  @Mixin
  HelpOption help;

  @Parameters(index = "0", arity = "0..1", paramLabel = "GB", defaultValue = "3.44",
      description = "Size of the file in GB (default: ${DEFAULT-VALUE}).")
  double gigabytes;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FOLDER", defaultValue = "/tmp",
      description = "Folder to write it in (default: ${DEFAULT-VALUE}).")
  Path folder;

  @Parameters(index = "2", arity = "0..1", paramLabel = "ROUNDS", defaultValue = "3",
      description = "Timed rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new SafetensorsBench(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Path file = folder.resolve("crossnet-bench-" + ProcessHandle.current().pid() + ".safetensors");
    try {
      List<PendingTensor> tensors = layout((long) (gigabytes * 1e9));
      long t0 = System.nanoTime();
      SafetensorsWriter.writeStreaming(file, tensors, Map.of("format", "pt"));
      double writeSeconds = seconds(t0);
      long size = Files.size(file);
      print("file", String.format(Locale.ROOT, "%s, %.2f GB, %d tensors, written in %.1f s (%.0f MB/s, fsync included)",
          file, size / 1e9, tensors.size(), writeSeconds, size / 1e6 / writeSeconds));

      // page cache: the file was just written, and one untimed sequential read makes sure every page is
      // resident; every timed pass below then reads from memory, so the numbers compare like with like
      readOnce(file);
      double[] open = new double[rounds];
      double[] load = new double[rounds];
      double[] read = new double[rounds];
      try (NDManager root = OfflineEngine.get().newBaseManager()) {
        for (int r = 0; r < rounds; r++) {
          read[r] = timeRead(file);
          long start = System.nanoTime();
          try (SafetensorsFile st = SafetensorsFile.open(file)) {
            open[r] = seconds(start);
            load[r] = timeLoadAll(st, root);
          }
        }
      }
      print("open (header + checks)", String.format(Locale.ROOT, "best %.1f ms, all %s", min(open) * 1000,
          Arrays.toString(Arrays.stream(open).map(s -> Math.round(s * 10000) / 10.0).toArray())));
      print("load every tensor", summary(load, size));
      print("read once (FileChannel)", summary(read, size));
      print("load / read-once", String.format(Locale.ROOT, "%.2f (best of %d rounds each)",
          min(load) / min(read), rounds));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static List<PendingTensor> layout(long targetBytes) {
    List<PendingTensor> tensors = new ArrayList<>();
    long total = 0;
    for (int i = 0; total < targetBytes; i++) {
      Shape shape = new Shape(SHAPES[i % SHAPES.length]);
      long bytes = shape.size() * 4;
      int seed = i;
      tensors.add(new PendingTensor("block_" + (i / SHAPES.length) + ".tensor_" + (i % SHAPES.length) + ".weight",
          SafetensorsDtype.F32, shape, () -> noise(bytes, seed)));
      total += bytes;
    }
    return tensors;
  }

  /** Cheap pseudo-random bytes (xorshift), so the file does not compress or deduplicate. */
  private static ByteBuffer noise(long bytes, int seed) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    LongBuffer longs = buffer.asLongBuffer();
    long x = 0x9E3779B97F4A7C15L * (seed + 1);
    while (longs.hasRemaining()) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      // keep the exponent sane: random bit patterns would be NaNs and denormals
      longs.put(x & 0x3FFF_FFFF_3FFF_FFFFL);
    }
    return buffer;
  }

  private static double timeLoadAll(SafetensorsFile st, NDManager root) {
    long start = System.nanoTime();
    double checksum = 0;
    for (String name : st.names()) {
      try (NDManager step = root.newSubManager()) {
        NDArray a = st.load(name, step);
        checksum += a.getShape().size();
      }
    }
    double s = seconds(start);
    if (checksum <= 0) {
      throw new IllegalStateException("nothing loaded");
    }
    return s;
  }

  private static double timeRead(Path file) throws IOException {
    long start = System.nanoTime();
    readOnce(file);
    return seconds(start);
  }

  private static long readOnce(Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 20);
    long total = 0;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        buffer.clear();
      }
    }
    return total;
  }

  private static String summary(double[] seconds, long bytes) {
    double best = min(seconds);
    return String.format(Locale.ROOT, "best %.3f s (%.2f GB/s), all %s", best, bytes / 1e9 / best,
        Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 1000) / 1000.0).toArray()));
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void print(String what, String value) {
    System.out.printf(Locale.ROOT, "%-26s %s%n", what, value);
  }
}
