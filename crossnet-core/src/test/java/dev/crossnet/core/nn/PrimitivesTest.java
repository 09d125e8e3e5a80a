package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrimitivesTest {

  private NDManager m;

  @BeforeEach
  void setUp() {
    m = OfflineEngine.get().newBaseManager();
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  /** Affine weight 2 and bias 1 for every parameter that is 1-D; matrices of ones otherwise. */
  private ParameterSource twosAndOnes() {
    return (name, shape) -> name.endsWith("bias") ? m.ones(shape) : m.ones(shape).mul(2);
  }

  @Test
  void groupNormNormalisesEachGroupOfEachSampleThenAppliesTheChannelAffine() {
    GroupNorm norm = new GroupNorm(twosAndOnes(), "norm", 2, 4, 1e-6f);
    NDArray x = m.randomNormal(new Shape(3, 4, 5, 5)).mul(3).add(7);
    NDArray g = x.reshape(3, 2, -1);
    NDArray centred = g.sub(g.mean(new int[] {2}, true));
    NDArray expected = centred.div(centred.square().mean(new int[] {2}, true).add(1e-6f).sqrt())
        .reshape(3, 4, 5, 5).mul(2).add(1);
    assertThat(norm.forward(x).sub(expected).abs().max().getFloat()).isLessThan(1e-4f);
  }

  @Test
  void timestepFeaturesFollowDiffusersFormulaWithCosinesFirst() {
    NDArray features = new Timesteps(6, true, 1f).forward(m.create(new long[] {5}));
    float[] actual = features.toFloatArray();
    for (int i = 0; i < 3; i++) {
      double arg = 5 * Math.exp(-Math.log(10000) * i / (3 - 1.0));
      assertThat((double) actual[i]).isCloseTo(Math.cos(arg), org.assertj.core.data.Offset.offset(1e-5));
      assertThat((double) actual[i + 3]).isCloseTo(Math.sin(arg), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void paddingZeroDownsamplingPadsOnlyBottomAndRight() {
    ParameterSource ones = (name, shape) -> name.endsWith("bias") ? m.zeros(shape) : m.ones(shape);
    Downsample2D down = new Downsample2D(ones, "down", 1, 1, 0);
    NDArray x = m.ones(new Shape(1, 1, 4, 4));
    // Windows at rows/cols 0 and 2; the last window overlaps the padded row and column.
    assertThat(down.forward(x).toFloatArray()).containsExactly(9f, 6f, 6f, 4f);
  }

  @Test
  void averagePoolDownsamplingHalvesTheSize() {
    NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
    assertThat(Downsample2D.averagePool("down").forward(x).toFloatArray())
        .containsExactly(2.5f, 4.5f, 10.5f, 12.5f);
  }

  @Test
  void upsamplingRepeatsEachPixelTwiceInBothDirectionsBeforeTheConv() {
    ParameterSource centreOnly = (name, shape) -> {
      if (name.endsWith("bias")) {
        return m.zeros(shape);
      }
      NDArray k = m.zeros(shape);
      k.set(new ai.djl.ndarray.index.NDIndex("0, 0, 1, 1"), 1f);
      return k;
    };
    Upsample2D up = new Upsample2D(centreOnly, "up", 1, 1);
    NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
    assertThat(up.forward(x).toFloatArray())
        .containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
  }

  @Test
  void quickGeluIsXTimesSigmoidOf1702X() {
    NDArray x = m.create(new float[] {-2f, 0.5f, 3f});
    float[] y = Activations.byName("quick_gelu").apply(x).toFloatArray();
    assertThat((double) y[1]).isCloseTo(0.5 / (1 + Math.exp(-1.702 * 0.5)), org.assertj.core.data.Offset.offset(1e-6));
  }
}
