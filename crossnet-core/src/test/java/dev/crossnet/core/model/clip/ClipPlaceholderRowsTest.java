package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.nn.RandomParameters;
import org.junit.jupiter.api.Test;

/** A placeholder added to the tokenizer gets an id past the embedding table; its override row stands in. */
class ClipPlaceholderRowsTest {

  private static final ClipTextConfig CONFIG = new ClipTextConfig(20, 8, 16, 1, 2, 8, "quick_gelu", 1e-5f, 19);

  private static ClipTextModel model(NDManager m) {
    return ClipTextModel.create(CONFIG, RandomParameters.store(s -> new ClipTextModel(CONFIG, s), 1, m), m);
  }

  @Test
  void anIdPastTheTableReadsItsOverrideRow() {
    try (NDManager m = NDManager.newBaseManager()) {
      ClipTextModel clip = model(m);
      NDArray ids = m.create(new long[] {18, 20, 19}, new Shape(1, 3));
      NDArray a = clip.forward(ids, TokenEmbeddingOverrides.of(20L, m.ones(new Shape(8)))).lastHiddenState();
      NDArray b = clip.forward(ids, TokenEmbeddingOverrides.of(20L, m.ones(new Shape(8)).neg())).lastHiddenState();
      assertThat(a.getShape()).isEqualTo(new Shape(1, 3, 8));
      assertThat(a.get("0, 0").toFloatArray()).containsExactly(b.get("0, 0").toFloatArray());
      assertThat(a.get("0, 1").toFloatArray()).isNotEqualTo(b.get("0, 1").toFloatArray());
    }
  }

  @Test
  void anIdPastTheTableWithoutARowIsAnError() {
    try (NDManager m = NDManager.newBaseManager()) {
      ClipTextModel clip = model(m);
      NDArray ids = m.create(new long[] {18, 21, 19}, new Shape(1, 3));
      assertThatThrownBy(() -> clip.forward(ids, TokenEmbeddingOverrides.of(20L, m.ones(new Shape(8)))))
          .hasMessageContaining("past the embedding table (20 rows)");
    }
  }
}
