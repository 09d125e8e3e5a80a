package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Sliced attention holds one slice's scores at a time: its result must not keep every slice's score block
 * alive (it did, so attention over n tokens held 4 n^2 bytes whatever the slicing).
 */
class AttentionMemoryTest {

  private static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  @Test
  void theResultOfSlicedAttentionDoesNotHoldTheScoreMatrix() throws IOException {
    int n = 8192;
    long fullScores = 4L * 2 * n * n; // 2 heads: 512 MiB
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      NDArray q = m.randomNormal(new Shape(1, 2, n, 8));
      NDArray k = m.randomNormal(new Shape(1, 2, n, 8));
      NDArray v = m.randomNormal(new Shape(1, 2, n, 8));
      long before = residentBytes();
      NDArray out = new ScaledDotProductAttention(ScaledDotProductAttention.DEFAULT_BUDGET)
          .attend(q, k, v, null, new AttentionCall("probe", false, 2, 8, n, 0, 0), AttentionHook.NONE);
      long held = residentBytes() - before;
      assertThat(out.getShape()).isEqualTo(new Shape(1, 2, n, 8));
      assertThat(held).as("bytes still resident while the result is alive").isLessThan(fullScores / 3);
    }
  }
}
