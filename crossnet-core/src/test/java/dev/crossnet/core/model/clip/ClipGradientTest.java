package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.weights.MemoryTensorStore;
import org.junit.jupiter.api.Test;

class ClipGradientTest {

  private static final ClipTextConfig TINY = new ClipTextConfig(50, 16, 32, 2, 2, 8, "quick_gelu", 1e-5f, 49);
  private static final long PLACEHOLDER = 7;

  @Test
  void gradientReachesTheOverriddenTokenEmbeddingButNotTheFrozenWeights() {
    Engine engine = OfflineEngine.get();
    try (NDManager m = engine.newBaseManager()) {
      MemoryTensorStore store = RandomParameters.store(s -> new ClipTextModel(TINY, s), 3, m);
      ClipTextModel clip = ClipTextModel.create(TINY, store, m);
      NDArray ids = m.create(new long[] {48, 5, PLACEHOLDER, 9, 49, 49, 49, 49}).reshape(1, 8);
      NDArray learned = clip.tokenEmbeddings().get(PLACEHOLDER).duplicate();
      learned.setRequiresGradient(true);
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray out = clip.forward(ids, TokenEmbeddingOverrides.of(PLACEHOLDER, learned)).lastHiddenState();
        gc.backward(out.mul(out.toType(DataType.FLOAT32, true).sin()).sum());
      }
      NDArray grad = learned.getGradient();
      assertThat(grad.abs().sum().getFloat()).isGreaterThan(0f);
      assertThat(grad.isInfinite().any().getBoolean() || grad.isNaN().any().getBoolean()).isFalse();
      assertThat(clip.namedParameters().values()).noneMatch(NDArray::hasGradient);
    }
  }

  @Test
  void anOverrideChangesOnlyTheOutputsThatCanSeeThePlaceholder() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      MemoryTensorStore store = RandomParameters.store(s -> new ClipTextModel(TINY, s), 3, m);
      ClipTextModel clip = ClipTextModel.create(TINY, store, m);
      NDArray ids = m.create(new long[] {48, 5, PLACEHOLDER, 9, 49, 49, 49, 49}).reshape(1, 8);
      NDArray row = m.randomNormal(new ai.djl.ndarray.types.Shape(16));
      NDArray plain = clip.forward(ids).lastHiddenState();
      NDArray changed = clip.forward(ids, TokenEmbeddingOverrides.of(PLACEHOLDER, row)).lastHiddenState();
      NDArray diff = changed.sub(plain).abs().sum(new int[] {0, 2});
      // Causal attention: tokens before the placeholder cannot see it.
      assertThat(diff.get("0:2").max().getFloat()).isLessThan(1e-6f);
      assertThat(diff.get("2:").min().getFloat()).isGreaterThan(1e-4f);
    }
  }
}
