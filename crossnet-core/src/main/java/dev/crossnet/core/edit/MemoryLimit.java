package dev.crossnet.core.edit;

import dev.crossnet.api.edit.EditSettings;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * Refuses an edit whose estimated peak memory ({@link EditMemoryEstimate}) exceeds the limit: the edit's own
 * {@link EditSettings#memoryLimit()}, else {@value EditSettings#DEFAULT_MEMORY_SHARE_PERCENT} % of the physical
 * memory the JVM sees (a container's limit inside a container). The refusal names the size, the need, the limit,
 * the largest size that fits and how to raise the limit.
 */
final class MemoryLimit {

  private final long bytes;
  private final String source;

  MemoryLimit(long bytes, String source) {
    this.bytes = bytes;
    this.source = source;
  }

  static MemoryLimit of(OptionalLong requested) {
    if (requested.isPresent()) {
      return new MemoryLimit(requested.getAsLong(), "the edit's memory limit");
    }
    long physical = physicalMemory();
    long limit = physical / 100 * EditSettings.DEFAULT_MEMORY_SHARE_PERCENT;
    return new MemoryLimit(limit, EditSettings.DEFAULT_MEMORY_SHARE_PERCENT + " % of this machine's "
        + EditMemoryEstimate.readable(physical));
  }

  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }

  long bytes() {
    return bytes;
  }

  /**
   * Fails when the estimate for a {@code width x height} bedrock exceeds the limit.
   *
   * @param estimate the estimate for any bedrock size, to find the largest size that fits
   * @param multiple the multiple of which the model needs both sides
   */
  void check(int width, int height, int multiple, SizeEstimator estimate) {
    EditMemoryEstimate need = estimate.of(width, height);
    if (need.bytes() <= bytes) {
      return;
    }
    throw new IllegalArgumentException("bedrock " + width + "x" + height + " needs about "
        + EditMemoryEstimate.readable(need.bytes()) + " for this model (mostly " + need.largest()
        + "), more than the memory limit of " + EditMemoryEstimate.readable(bytes) + " (" + source + "); "
        + fittingSize(width, height, multiple, estimate) + ", or raise the limit with .memoryLimit(bytes) in the "
        + "API or --memory-limit on the command line (see docs/limits.md)");
  }

  private String fittingSize(int width, int height, int multiple, SizeEstimator estimate) {
    IntFunction<int[]> scaled = k -> new int[] {
        Math.max(multiple, (int) ((long) width * k / 1000 / multiple * multiple)),
        Math.max(multiple, (int) ((long) height * k / 1000 / multiple * multiple))};
    int lo = 0;
    int hi = 1000;
    while (hi - lo > 1) {
      int mid = (lo + hi) / 2;
      int[] s = scaled.apply(mid);
      if (estimate.of(s[0], s[1]).bytes() <= bytes) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    int[] s = scaled.apply(lo);
    if (lo == 0 && estimate.of(s[0], s[1]).bytes() > bytes) {
      return "even the smallest bedrock does not fit, so raise the limit";
    }
    return "resize the bedrock to at most " + s[0] + "x" + s[1] + " (same aspect ratio) or edit a crop of it";
  }

  /** The estimate for a bedrock size. */
  interface SizeEstimator {
    EditMemoryEstimate of(int width, int height);
  }
}
