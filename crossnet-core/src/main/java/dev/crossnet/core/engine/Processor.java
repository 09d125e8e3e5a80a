package dev.crossnet.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The processor this JVM runs on, as Linux's {@code /proc/cpuinfo} names it: for messages about native kernels. */
public record Processor(String model, Set<String> vectorFeatures) {

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  /** The processor of this machine; model "unknown" and no features where /proc/cpuinfo cannot be read. */
  public static Processor current() {
    try {
      return parse(Files.readAllLines(CPUINFO));
    } catch (IOException | SecurityException e) {
      return new Processor("unknown (" + System.getProperty("os.arch") + ")", Set.of());
    }
  }

  /** Reads the first processor's model name and its AVX flags from cpuinfo lines. */
  static Processor parse(List<String> cpuinfo) {
    String model = "unknown";
    Set<String> features = new TreeSet<>();
    boolean modelSeen = false;
    boolean flagsSeen = false;
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (!modelSeen && key.equals("model name")) {
        model = value;
        modelSeen = true;
      } else if (!flagsSeen && key.equals("flags")) {
        Arrays.stream(value.split("\\s+")).filter(f -> f.startsWith("avx")).forEach(features::add);
        flagsSeen = true;
      }
    }
    return new Processor(model, Set.copyOf(features));
  }

  /** Whether the processor has AVX-512 Foundation, the feature oneDNN's AVX-512 kernels need. */
  public boolean hasAvx512() {
    return vectorFeatures.contains("avx512f");
  }

  /** "AMD EPYC (avx2, avx512bw, avx512f, ...)": the model and the AVX-512 flags, or every AVX flag without them. */
  public String describe() {
    List<String> shown = new ArrayList<>(new TreeSet<>(vectorFeatures));
    if (hasAvx512()) {
      shown.removeIf(f -> !f.startsWith("avx512") && !f.equals("avx2"));
    }
    return shown.isEmpty() ? model : model + " (" + String.join(", ", shown) + ")";
  }
}
