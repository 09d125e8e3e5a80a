package dev.crossnet.samplers.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.samplers.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RePaintTest {

  private static final Shape SHAPE = new Shape(1, 2, 8, 8);

  /** 1 on the left half (known), 0 on the right half (to paint). */
  private static NDArray leftHalf(NDManager m) {
    float[] v = new float[64];
    for (int i = 0; i < 64; i++) {
      v[i] = i % 8 < 4 ? 1 : 0;
    }
    return m.create(v, new Shape(1, 1, 8, 8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ddpm", "ddim", "dpmpp-2m", "euler", "euler-ancestral"})
  void reproducesTheKnownRegionExactly(String name) {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler(name);
      SamplerPlan plan = sampler.plan(12);
      NDArray known = NoiseSource.seeded(5).next(m, SHAPE).tanh();
      NDArray mask = leftHalf(m);
      Denoiser arbitrary = (x, t) -> x.mul(0.3).sin();
      NDArray out = new RePaint(3, 2).run(sampler, plan, arbitrary, known, mask, NoiseSource.seeded(6));
      assertThat(Fixtures.maxAbsDiff(out.mul(mask), known.mul(mask))).isZero();
    }
  }

  @Test
  void aModelThatKnowsTheImageRestoresTheUnknownRegion() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("ddim");
      SamplerPlan plan = sampler.plan(20);
      NDArray image = NoiseSource.seeded(5).next(m, SHAPE).tanh();
      NDArray out = new RePaint(5, 3).run(sampler, plan, new ExactNoiseModel(image, plan), image, leftHalf(m),
          NoiseSource.seeded(6));
      assertThat(Fixtures.maxAbsDiff(out, image)).isLessThan(1e-4);
    }
  }

  @Test
  void resamplesJumpCountMinusOneTimesAtEachJumpPoint() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("ddim");
      SamplerPlan plan = sampler.plan(20);
      NDArray image = m.zeros(SHAPE);
      ExactNoiseModel model = new ExactNoiseModel(image, plan);
      new RePaint(5, 3).run(sampler, plan, model, image, leftHalf(m), NoiseSource.seeded(6));
      // jump points after 20, 15 and 10 steps from the end (k * 5 < 20 - 5), each redoing 5 steps twice
      assertThat(model.calls).isEqualTo(20 + 3 * 2 * 5);
    }
  }

  @Test
  void undoFollowsTheForwardProcess() {
    // with a constant known image everywhere and a perfect model, noising and denoising stay consistent
    // for a sigma-scaled sampler too (its marginals are x0 + sigma eps, not the DDPM scaling)
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("euler");
      SamplerPlan plan = sampler.plan(20);
      NDArray image = NoiseSource.seeded(8).next(m, SHAPE).tanh();
      NDArray out = new RePaint(4, 3).run(sampler, plan, new ExactNoiseModel(image, plan), image,
          leftHalf(m), NoiseSource.seeded(6));
      assertThat(Fixtures.maxAbsDiff(out, image)).isLessThan(1e-4);
    }
  }

  @Test
  void rejectsAJumpLengthBelowOne() {
    assertThatThrownBy(() -> new RePaint(0, 10)).hasMessageContaining("jumpLength >= 1");
  }

  @Test
  void leavesOnlyItsResultInTheKnownImagesManager() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("dpmpp-2m");
      SamplerPlan plan = sampler.plan(8);
      NDArray image = m.zeros(SHAPE);
      NDArray mask = leftHalf(m);
      int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
      new RePaint(2, 2).run(sampler, plan, (x, t) -> x.mul(0.1), image, mask, NoiseSource.seeded(6));
      assertThat(((ai.djl.ndarray.BaseNDManager) m).getManagedArrays()).hasSize(before + 1);
    }
  }
}
