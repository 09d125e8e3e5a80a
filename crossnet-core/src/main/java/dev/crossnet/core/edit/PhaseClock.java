package dev.crossnet.core.edit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time per phase, in the order the phases ran (a phase run twice adds up). */
final class PhaseClock {

  private final Map<String, Duration> timings = new LinkedHashMap<>();

  <T> T time(String phase, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      timings.merge(phase, Duration.ofNanos(System.nanoTime() - start), Duration::plus);
    }
  }

  Map<String, Duration> timings() {
    return timings;
  }
}
