package dev.crossnet.samplers;

import static dev.crossnet.samplers.Fixtures.absMean;
import static dev.crossnet.samplers.Fixtures.absSum;
import static dev.crossnet.samplers.Fixtures.dummyModel;
import static dev.crossnet.samplers.Fixtures.dummySampleDeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full-loop results published in diffusers' own scheduler tests (tests/schedulers/test_scheduler_*.py:
 * expected sum and mean of |sample| after the loop, with the tolerances used there: 1e-2 on sums, 1e-3 on
 * means). Only the deterministic loops are here; the ancestral ones are checked against recorded noise in
 * {@link RecordedLoopTest}.
 */
class DiffusersPublishedValuesTest {

  private static final PluginConfig BASE = PluginConfig.of("num_train_timesteps", 1000, "beta_start", 0.0001,
      "beta_end", 0.02, "beta_schedule", "linear");

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray loop(Sampler sampler, int steps, int start, boolean addNoise) {
    SamplerPlan plan = sampler.plan(steps);
    NDArray x = dummySampleDeter(manager, false);
    if (addNoise) {
      x = sampler.addNoise(plan, start, x, dummySampleDeter(manager, true));
    }
    return LoopRunner.last(LoopRunner.run(sampler, plan, start, x, Fixtures::dummyModel, NoiseSource.none()));
  }

  private static void assertSumAndMean(NDArray x, double sum, double mean) {
    assertThat(absSum(x)).isCloseTo(sum, within(1e-2));
    assertThat(absMean(x)).isCloseTo(mean, within(1e-3));
  }

  private static PluginConfig ddim(Object... more) {
    return BASE.with("clip_sample", true).merge(PluginConfig.of(more));
  }

  @Test
  void ddimFullLoopNoNoise() {
    assertSumAndMean(loop(Fixtures.sampler("ddim", ddim()), 10, 0, false), 172.0067, 0.223967);
  }

  @Test
  void ddimFullLoopWithVPrediction() {
    assertSumAndMean(loop(Fixtures.sampler("ddim", ddim("prediction_type", "v_prediction")), 10, 0, false),
        52.5302, 0.0684);
  }

  @Test
  void ddimFullLoopWithSetAlphaToOne() {
    Sampler s = Fixtures.sampler("ddim", ddim("set_alpha_to_one", true, "beta_start", 0.01));
    assertSumAndMean(loop(s, 10, 0, false), 149.8295, 0.1951);
  }

  @Test
  void ddimFullLoopWithoutSetAlphaToOne() {
    Sampler s = Fixtures.sampler("ddim", ddim("set_alpha_to_one", false, "beta_start", 0.01));
    assertSumAndMean(loop(s, 10, 0, false), 149.0784, 0.1941);
  }

  @Test
  void ddimFullLoopWithNoise() {
    assertSumAndMean(loop(Fixtures.sampler("ddim", ddim()), 10, 8, true), 354.5418, 0.4616);
  }

  @Test
  void ddimInverseFullLoopNoNoise() {
    assertSumAndMean(loop(Fixtures.sampler("ddim-inversion", ddim()), 10, 0, false), 671.6816, 0.8746);
  }

  @Test
  void ddimInverseFullLoopWithVPrediction() {
    Sampler s = Fixtures.sampler("ddim-inversion", ddim("prediction_type", "v_prediction"));
    assertSumAndMean(loop(s, 10, 0, false), 1394.2185, 1.8154);
  }

  @Test
  void ddimInverseFullLoopWithSetAlphaToOne() {
    Sampler s = Fixtures.sampler("ddim-inversion", ddim("set_alpha_to_one", true, "beta_start", 0.01));
    assertSumAndMean(loop(s, 10, 0, false), 539.9622, 0.7031);
  }

  @Test
  void ddimInverseFullLoopWithoutSetAlphaToOne() {
    Sampler s = Fixtures.sampler("ddim-inversion", ddim("set_alpha_to_one", false, "beta_start", 0.01));
    assertSumAndMean(loop(s, 10, 0, false), 542.6722, 0.7066);
  }

  private static PluginConfig dpm(Object... more) {
    return BASE.merge(PluginConfig.of("solver_order", 2, "prediction_type", "epsilon", "thresholding", false,
        "algorithm_type", "dpmsolver++", "solver_type", "midpoint", "lower_order_final", false,
        "euler_at_final", false, "final_sigmas_type", "sigma_min")).merge(PluginConfig.of(more));
  }

  @Test
  void dpmSolverFullLoopNoNoise() {
    assertThat(absMean(loop(Fixtures.sampler("dpmpp-2m", dpm()), 10, 0, false))).isCloseTo(0.3301, within(1e-3));
  }

  @Test
  void dpmSolverFullLoopWithVPrediction() {
    Sampler s = Fixtures.sampler("dpmpp-2m", dpm("prediction_type", "v_prediction"));
    assertThat(absMean(loop(s, 10, 0, false))).isCloseTo(0.2251, within(1e-3));
  }

  @Test
  void dpmSolverFullLoopWithNoise() {
    assertSumAndMean(loop(Fixtures.sampler("dpmpp-2m", dpm()), 10, 5, true), 318.4111, 0.4146);
  }

  /** diffusers' Euler tests feed the scaled sample to the step as well; this loop does the same. */
  private NDArray eulerLoop(Sampler sampler, int start, boolean addNoise) {
    SamplerPlan plan = sampler.plan(10);
    NDArray x = dummySampleDeter(manager, false).mul(plan.initNoiseSigma());
    if (addNoise) {
      x = sampler.addNoise(plan, start, x, dummySampleDeter(manager, true));
    }
    for (int i = start; i < plan.size(); i++) {
      x = sampler.scaleModelInput(plan, i, x);
      StepResult r = sampler.step(plan, i, dummyModel(x, plan.timestep(i)), x, NoiseSource.none(),
          SolverHistory.EMPTY);
      x = r.prevSample();
    }
    return x;
  }

  private static PluginConfig euler(Object... more) {
    return BASE.with("num_train_timesteps", 1100).merge(PluginConfig.of(more));
  }

  @Test
  void eulerFullLoopNoNoise() {
    assertSumAndMean(eulerLoop(Fixtures.sampler("euler", euler()), 0, false), 10.0807, 0.0131);
  }

  @Test
  void eulerFullLoopWithVPrediction() {
    Sampler s = Fixtures.sampler("euler", euler("prediction_type", "v_prediction"));
    assertSumAndMean(eulerLoop(s, 0, false), 0.0002, 2.2676e-06);
  }

  @Test
  void eulerFullLoopWithNoise() {
    assertSumAndMean(eulerLoop(Fixtures.sampler("euler", euler()), 8, true), 57062.9297, 74.3007);
  }
}
