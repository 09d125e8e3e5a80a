package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A cross-attention layer's separate contexts (image prompts) are added per query, before the output projection:
 * what a context adds to a query's output is its weight times what it adds at weight 1, for every head and batch row.
 */
class AttentionSeparateContextTest {

  private static final int QUERIES = 6;
  private static final int HEADS = 2;
  private static final int HEAD_DIM = 4;

  @Test
  void aContextAddsItsPartTimesEachQuerysWeight() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      m.getEngine().setRandomSeed(11);
      Attention layer = layer(m);
      NDArray x = m.randomNormal(new Shape(2, QUERIES, 8));
      NDArray text = m.randomNormal(new Shape(2, 3, 5));
      NDArray keys = m.randomNormal(new Shape(2, 4, HEADS * HEAD_DIM));
      NDArray values = m.randomNormal(new Shape(2, 4, HEADS * HEAD_DIM));
      float[] w = {1f, 0f, 0.5f, 0.25f, 1f, 0.75f};

      NDArray plain = layer.forward(x, text, null, AttentionHook.NONE, 0, 0);
      Function<NDArray, NDArray> added = weights -> layer.forward(x, text, null, contextHook(keys, values, 0.6f,
          weights), 0, 0).sub(plain);
      NDArray whole = added.apply(null);
      NDArray threeD = added.apply(m.create(w, new Shape(1, QUERIES, 1)));
      NDArray twoD = added.apply(m.create(w, new Shape(QUERIES, 1)));
      // a weight per batch row; the batch (2) equals the heads (2), so weights lined up with the heads would pass
      // a shape check and still be wrong
      float[] perRow = new float[2 * QUERIES];
      for (int i = 0; i < QUERIES; i++) {
        perRow[i] = w[i];
        perRow[QUERIES + i] = w[QUERIES - 1 - i];
      }
      NDArray rows = m.create(perRow, new Shape(2, QUERIES, 1));
      NDArray byRow = added.apply(rows);

      NDArray expected = whole.mul(m.create(w, new Shape(1, QUERIES, 1)));
      assertThat(whole.abs().max().getFloat()).as("a context at weight 1 changes the output").isGreaterThan(1e-2f);
      assertThat(threeD.sub(expected).abs().max().getFloat()).as("weights [1, queries, 1]").isLessThan(1e-5f);
      assertThat(twoD.sub(expected).abs().max().getFloat()).as("weights [queries, 1]").isLessThan(1e-5f);
      assertThat(byRow.sub(whole.mul(rows)).abs().max().getFloat()).as("weights [batch, queries, 1]")
          .isLessThan(1e-5f);
    }
  }

  @Test
  void aContextsScaleMultipliesWhatItAdds() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      m.getEngine().setRandomSeed(12);
      Attention layer = layer(m);
      NDArray x = m.randomNormal(new Shape(2, QUERIES, 8));
      NDArray text = m.randomNormal(new Shape(2, 3, 5));
      NDArray keys = m.randomNormal(new Shape(1, 4, HEADS * HEAD_DIM));
      NDArray values = m.randomNormal(new Shape(1, 4, HEADS * HEAD_DIM));
      NDArray plain = layer.forward(x, text, null, AttentionHook.NONE, 0, 0);
      NDArray one = layer.forward(x, text, null, contextHook(keys, values, 1f, null), 0, 0).sub(plain);
      NDArray scaled = layer.forward(x, text, null, contextHook(keys, values, 0.3f, null), 0, 0).sub(plain);
      assertThat(scaled.sub(one.mul(0.3f)).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }

  /** A cross-attention layer of 8-wide queries and a 5-wide context, with random weights. */
  private static Attention layer(NDManager m) {
    return new Attention((name, shape) -> m.randomNormal(shape).mul(0.4f), "attn2", AttentionNames.DIFFUSERS, 8, 5,
        HEADS, HEAD_DIM);
  }

  private static AttentionHook contextHook(NDArray keys, NDArray values, float scale, NDArray weights) {
    return new AttentionHook() {
      @Override
      public List<SeparateContext> separateContexts(AttentionCall call, int batch, NDManager manager) {
        return List.of(new SeparateContext(new KeyValues(keys, values), scale, weights));
      }
    };
  }
}
