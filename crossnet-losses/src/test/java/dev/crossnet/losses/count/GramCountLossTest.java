package dev.crossnet.losses.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.losses.LossContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GramCountLossTest {

  private static final GramCountLoss LOSS = (GramCountLoss) new GramCountLossProvider().create(PluginConfig.empty());
  private static final int SIDE = 16;
  /** Blob centres spread over the grid, at least 7 cells apart. */
  private static final int[][] CENTRES = {{3, 3}, {12, 12}, {3, 12}, {12, 3}};

  /** k Gaussian blobs of width 1 cell on a faint background, like a token's cross-attention: [1, H*W]. */
  private static float[] blobs(int k) {
    float[] map = new float[SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        float v = 0.02f;
        for (int i = 0; i < k; i++) {
          double dy = y - CENTRES[i][0];
          double dx = x - CENTRES[i][1];
          v += (float) Math.exp(-(dx * dx + dy * dy) / 2);
        }
        map[y * SIDE + x] = v;
      }
    }
    return map;
  }

  private static float loss(NDManager m, NDArray map, int requested) {
    return LOSS.compute(LossContexts.of(m, Map.of(LossInput.TOKEN_ATTENTION_MAPS, new NDList(map),
        LossInput.REQUESTED_COUNT, m.create(new float[] {requested})))).getFloat();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void kSeparatedBlobsCostLeastWhenKAreRequested(int k) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray map = m.create(blobs(k), new Shape(1, SIDE * SIDE));
      float exact = loss(m, map, k);
      assertThat(exact).isLessThan(loss(m, map, k + 1));
      if (k > 1) {
        assertThat(exact).isLessThan(loss(m, map, k - 1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void theEffectiveCountOfKBlobsIsCloseToK(int k) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray grid = m.create(blobs(k), new Shape(1, SIDE, SIDE));
      assertThat(LOSS.effectiveCount(grid).getFloat()).isBetween(k - 0.4f, k + 0.4f);
    }
  }

  @Test
  void gradientFlowsIntoTheMap() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray map = m.create(blobs(1), new Shape(1, SIDE * SIDE));
      map.setRequiresGradient(true);
      try (var gc = m.getEngine().newGradientCollector()) {
        NDArray value = LOSS.compute(LossContexts.of(m, Map.of(LossInput.TOKEN_ATTENTION_MAPS, new NDList(map),
            LossInput.REQUESTED_COUNT, m.create(new float[] {3}))));
        gc.backward(value);
      }
      assertThat(map.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
    }
  }

  @Test
  void aDescentStepOnTheMapMovesTheCountTowardTheRequest() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray map = m.create(blobs(2), new Shape(1, SIDE * SIDE));
      float before = loss(m, map, 3);
      map.setRequiresGradient(true);
      try (var gc = m.getEngine().newGradientCollector()) {
        gc.backward(LOSS.compute(LossContexts.of(m, Map.of(LossInput.TOKEN_ATTENTION_MAPS, new NDList(map),
            LossInput.REQUESTED_COUNT, m.create(new float[] {3})))));
      }
      NDArray moved = map.stopGradient().sub(map.getGradient().mul(0.5f)).maximum(0f);
      assertThat(loss(m, moved, 3)).isLessThan(before);
    }
  }

  @Test
  void aNonSquareFlatMapIsRefused() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> loss(m, m.ones(new Shape(1, 12)), 1))
          .hasMessageContaining("must be square")
          .hasMessageContaining("[B, H, W]");
    }
  }
}
