package dev.crossnet.samplers.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.samplers.Fixtures;
import dev.crossnet.samplers.LoopRunner;
import dev.crossnet.samplers.procedure.LowPassFilter.Upsampling;
import org.junit.jupiter.api.Test;

class IlvrTest {

  private static final Shape SHAPE = new Shape(1, 3, 16, 16);
  private static final Denoiser ARBITRARY = (x, t) -> x.mul(0.5).tanh();

  @Test
  void outputHasTheReferencesLowFrequenciesWithNearestUpsampling() {
    assertLowFrequenciesFollow(Upsampling.NEAREST, 1e-5);
  }

  @Test
  void outputHasTheReferencesLowFrequenciesWithBilinearUpsampling() {
    assertLowFrequenciesFollow(Upsampling.BILINEAR, 0.05);
  }

  private static void assertLowFrequenciesFollow(Upsampling upsampling, double tolerance) {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("ddim");
      SamplerPlan plan = sampler.plan(10);
      NDArray reference = NoiseSource.seeded(2).next(m, SHAPE).tanh();
      LowPassFilter phi = new LowPassFilter(4, upsampling);
      NDArray out = new Ilvr(phi, null).run(sampler, plan, ARBITRARY, reference, NoiseSource.seeded(4));
      double unguided = Fixtures.maxAbsDiff(phi.apply(unguided(m, sampler, plan)), phi.apply(reference));
      assertThat(Fixtures.maxAbsDiff(phi.apply(out), phi.apply(reference)))
          .isLessThan(tolerance)
          .isLessThan(unguided / 10);
    }
  }

  /** The same run without guidance: its first draw is the same starting noise. */
  private static NDArray unguided(NDManager m, Sampler sampler, SamplerPlan plan) {
    NDArray start = NoiseSource.seeded(4).next(m, SHAPE).mul(plan.initNoiseSigma());
    return LoopRunner.last(LoopRunner.run(sampler, plan, 0, start, ARBITRARY, NoiseSource.none()));
  }

  @Test
  void outsideTheMaskTheSampleIsLeftAlone() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("ddim");
      SamplerPlan plan = sampler.plan(10);
      NDArray reference = NoiseSource.seeded(2).next(m, SHAPE).tanh();
      float[] top = new float[256];
      for (int i = 0; i < 128; i++) {
        top[i] = 1;
      }
      NDArray mask = m.create(top, new Shape(1, 1, 16, 16));
      NDArray out = new Ilvr(new LowPassFilter(4, Upsampling.BILINEAR), mask)
          .run(sampler, plan, ARBITRARY, reference, NoiseSource.seeded(4));
      NDArray outside = mask.neg().add(1);
      // the toy model and DDIM act pixel by pixel, so unguided pixels evolve exactly as in an unguided run
      assertThat(Fixtures.maxAbsDiff(out.mul(outside), unguided(m, sampler, plan).mul(outside)))
          .isLessThan(1e-6);
    }
  }

  @Test
  void lowPassFilterWithNearestUpsamplingIsAProjection() {
    try (NDManager m = NDManager.newBaseManager()) {
      LowPassFilter phi = new LowPassFilter(4, Upsampling.NEAREST);
      NDArray x = NoiseSource.seeded(1).next(m, SHAPE);
      NDArray once = phi.apply(x);
      assertThat(Fixtures.maxAbsDiff(phi.apply(once), once)).isLessThan(1e-6);
    }
  }

  @Test
  void leavesOnlyItsResultInTheReferencesManager() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("euler-ancestral");
      SamplerPlan plan = sampler.plan(5);
      NDArray reference = m.zeros(SHAPE);
      int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
      new Ilvr(new LowPassFilter(4, Upsampling.BILINEAR), null)
          .run(sampler, plan, ARBITRARY, reference, NoiseSource.seeded(4));
      assertThat(((ai.djl.ndarray.BaseNDManager) m).getManagedArrays()).hasSize(before + 1);
    }
  }
}
