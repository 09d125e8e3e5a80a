package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaledDotProductAttentionTest {

  private static final AttentionCall CALL = new AttentionCall("test.attn1", false, 2, 4, 10, 0, 0);

  @Test
  void slicingOverQueriesGivesTheSameResultAsOneBlock() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray q = m.randomNormal(new Shape(2, 2, 10, 4));
      NDArray k = m.randomNormal(new Shape(2, 2, 7, 4));
      NDArray v = m.randomNormal(new Shape(2, 2, 7, 4));
      NDArray whole = new ScaledDotProductAttention(1 << 20).attend(q, k, v, null, CALL, AttentionHook.NONE);
      NDArray sliced = new ScaledDotProductAttention(2 * 2 * 7 * 3).attend(q, k, v, null, CALL,
          AttentionHook.NONE);
      assertThat(sliced.sub(whole).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }

  @Test
  void matchesTheSoftmaxFormula() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray q = m.randomNormal(new Shape(1, 1, 3, 4));
      NDArray k = m.randomNormal(new Shape(1, 1, 5, 4));
      NDArray v = m.randomNormal(new Shape(1, 1, 5, 4));
      NDArray expected = q.matMul(k.transpose(0, 1, 3, 2)).div(2f).softmax(-1).matMul(v);
      NDArray actual = new ScaledDotProductAttention(1 << 20).attend(q, k, v, null, CALL, AttentionHook.NONE);
      assertThat(actual.sub(expected).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }

  @Test
  void slicedMapsCoverEveryQueryOnceAndSumToOne() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      List<long[]> slices = new ArrayList<>();
      List<Float> rowSumErrors = new ArrayList<>();
      AttentionHook hook = new AttentionHook() {
        @Override
        public boolean observesMaps(AttentionCall call) {
          return true;
        }

        @Override
        public void onAttentionMaps(AttentionCall call, long start, NDArray p) {
          slices.add(new long[] {start, p.getShape().get(2)});
          rowSumErrors.add(p.sum(new int[] {3}).sub(1f).abs().max().getFloat());
        }
      };
      NDArray q = m.randomNormal(new Shape(2, 2, 10, 4));
      NDArray k = m.randomNormal(new Shape(2, 2, 7, 4));
      new ScaledDotProductAttention(2 * 2 * 7 * 3).attend(q, k, k, null, CALL, hook);
      assertThat(slices).extracting(s -> s[0]).containsExactly(0L, 3L, 6L, 9L);
      assertThat(slices.stream().mapToLong(s -> s[1]).sum()).isEqualTo(10);
      assertThat(rowSumErrors).allMatch(e -> e < 1e-6f);
    }
  }
}
