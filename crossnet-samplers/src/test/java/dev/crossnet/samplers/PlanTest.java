package dev.crossnet.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crossnet.api.sampler.SamplerPlan;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Plans against the timesteps and sigmas diffusers' {@code set_timesteps} produces for the same settings
 * (printed from diffusers v0.25.0, T = 1000, default linear betas, 7 steps, except where noted).
 */
class PlanTest {

  private static final Offset<Double> SIGMA = within(1e-4);

  private static SamplerPlan plan(String sampler, int steps, Object... config) {
    return Fixtures.sampler(sampler, config).plan(steps);
  }

  @Test
  void ddimLeadingWithOffsetOneMatchesDiffusersTest() {
    assertThat(plan("ddim", 5, "steps_offset", 1).timesteps()).containsExactly(801, 601, 401, 201, 1);
  }

  @Test
  void ddimLeadingWithOffset() {
    assertThat(plan("ddim", 7, "timestep_spacing", "leading", "steps_offset", 1).timesteps())
        .containsExactly(853, 711, 569, 427, 285, 143, 1);
  }

  @Test
  void ddimTrailing() {
    assertThat(plan("ddim", 7, "timestep_spacing", "trailing").timesteps())
        .containsExactly(999, 856, 713, 570, 428, 285, 142);
  }

  @Test
  void ddimLinspace() {
    assertThat(plan("ddim", 7, "timestep_spacing", "linspace").timesteps())
        .containsExactly(999, 832, 666, 500, 333, 166, 0);
  }

  @Test
  void ddimInversionLeadingAscendsWithOffset() {
    assertThat(plan("ddim-inversion", 5, "steps_offset", 1).timesteps()).containsExactly(1, 201, 401, 601, 801);
  }

  @Test
  void ddimInversionTrailingAscends() {
    assertThat(plan("ddim-inversion", 7, "timestep_spacing", "trailing").timesteps())
        .containsExactly(142, 285, 428, 570, 713, 856, 999);
  }

  @Test
  void dpmSolverLinspaceDropsTheCleanEnd() {
    SamplerPlan p = plan("dpmpp-2m", 7, "final_sigmas_type", "sigma_min");
    assertThat(p.timesteps()).containsExactly(999, 856, 714, 571, 428, 285, 143);
    assertThat(p.sigmas()).containsExactly(new double[] {157.40725708007812, 41.147193908691406,
        13.298707962036133, 5.171376705169678, 2.352529525756836, 1.1494128704071045, 0.4957002103328705,
        0.010001329705119133}, SIGMA);
  }

  @Test
  void dpmSolverLeadingWithOffset() {
    assertThat(plan("dpmpp-2m", 7, "timestep_spacing", "leading", "steps_offset", 1).timesteps())
        .containsExactly(876, 751, 626, 501, 376, 251, 126);
  }

  @Test
  void dpmSolverTrailing() {
    assertThat(plan("dpmpp-2m", 7, "timestep_spacing", "trailing").timesteps())
        .containsExactly(999, 856, 713, 570, 428, 285, 142);
  }

  @Test
  void dpmSolverEndsAtZeroByDefault() {
    SamplerPlan p = plan("dpmpp-2m", 7);
    assertThat(p.sigma(p.size())).isZero();
  }

  @Test
  void eulerLinspaceKeepsFractionalTimesteps() {
    SamplerPlan p = plan("euler", 7);
    assertThat(p.timesteps()).containsExactly(999, 832.5, 666, 499.5, 333, 166.5, 0);
    assertThat(p.sigmas()).containsExactly(new double[] {157.40725708007812, 33.663726806640625,
        9.488921165466309, 3.433551788330078, 1.4623569250106812, 0.5856084823608398, 0.010001329705119133, 0},
        SIGMA);
    assertThat(p.initNoiseSigma()).isCloseTo(157.40725708007812, SIGMA);
  }

  @Test
  void eulerLeadingScalesInitialNoiseByTheVariancePreservingFactor() {
    SamplerPlan p = plan("euler", 7, "timestep_spacing", "leading", "steps_offset", 1);
    assertThat(p.timesteps()).containsExactly(853, 711, 569, 427, 285, 143, 1);
    assertThat(p.initNoiseSigma()).isCloseTo(40.106204986572266, SIGMA);
  }

  @Test
  void eulerTrailing() {
    SamplerPlan p = plan("euler-ancestral", 7, "timestep_spacing", "trailing");
    assertThat(p.timesteps()).containsExactly(999, 856, 713, 570, 428, 285, 142);
    assertThat(p.sigma(2)).isCloseTo(13.202584266662598, SIGMA);
  }

  @Test
  void moreStepsThanTrainingTimestepsIsRejected() {
    assertThatThrownBy(() -> plan("ddpm", 1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1001 steps over 1000 training timesteps");
  }

  @Test
  void anOffsetPastTheLastTrainingTimestepIsRejected() {
    assertThatThrownBy(() -> plan("ddim", 1000, "steps_offset", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower steps_offset");
  }
}
