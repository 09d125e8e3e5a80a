package dev.crossnet.examples.edit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of a stretch of work on Linux: writing 5 to {@code /proc/self/clear_refs} resets the
 * process's high-water mark (VmHWM), which is read after the work. -1 where this is not available.
 */
public final class PeakMemory {

  private PeakMemory() {}

  /** Starts a measurement; false when the mark cannot be reset (then the peak is the process's so far). */
  public static boolean reset() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The high-water mark in bytes since the last reset. */
  public static long peakBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
