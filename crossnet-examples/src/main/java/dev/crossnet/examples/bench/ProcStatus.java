package dev.crossnet.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident-memory figures of this process from {@code /proc/self/status} (Linux only; -1 elsewhere). */
final class ProcStatus {

  private ProcStatus() {}

  /** Peak resident set size in bytes (VmHWM). */
  static long peakRss() {
    return field("VmHWM:");
  }

  /** Current resident set size in bytes (VmRSS). */
  static long rss() {
    return field("VmRSS:");
  }

  /** CPU time of the whole process (all threads, user and system) in nanoseconds. */
  static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  private static long field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
