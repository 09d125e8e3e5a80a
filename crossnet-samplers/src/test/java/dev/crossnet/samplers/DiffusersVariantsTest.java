package dev.crossnet.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings the published diffusers tests leave out (spacings, offsets, beta schedules, prediction types,
 * clipping), against sum |x| and sum x after a 10-step loop computed by diffusers v0.25.0 itself: linear betas
 * 1e-4..0.02 over 1000 timesteps unless overridden, sample (dummy_sample_deter * 2 - 1) * init_noise_sigma,
 * model x_scaled * t / (t + 1) + 0.05, the model fed the scaled sample and the step the unscaled one.
 * diffusers 0.25 always ended DPM-Solver++ at sigma_min, hence {@code final_sigmas_type} in those cases.
 */
class DiffusersVariantsTest {

  private static final Denoiser MODEL = (x, t) -> Fixtures.dummyModel(x, t).add(0.05);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("ddim", "{\"prediction_type\": \"sample\", \"clip_sample\": false}", 38.400005, 38.400005),
        Arguments.of("ddim", "{\"timestep_spacing\": \"trailing\", \"clip_sample\": false}", 204.427856,
            -152.549927),
        Arguments.of("ddim", "{\"timestep_spacing\": \"linspace\", \"clip_sample\": true, \"clip_sample_range\": 0.5,"
            + " \"set_alpha_to_one\": false}", 191.109955, -47.503170),
        Arguments.of("ddim", "{\"beta_schedule\": \"squaredcos_cap_v2\", \"clip_sample\": false,"
            + " \"prediction_type\": \"v_prediction\"}", 76.442955, -29.331018),
        Arguments.of("ddim", "{\"beta_schedule\": \"scaled_linear\", \"beta_start\": 0.00085, \"beta_end\": 0.012,"
            + " \"steps_offset\": 1, \"clip_sample\": false, \"set_alpha_to_one\": false}", 190.712326, -72.772736),
        Arguments.of("ddim-inversion", "{\"timestep_spacing\": \"trailing\", \"clip_sample\": false}", 688.582031,
            173.943665),
        Arguments.of("dpmpp-2m", "{\"prediction_type\": \"sample\", \"final_sigmas_type\": \"sigma_min\"}",
            733.899048, 114.143372),
        Arguments.of("dpmpp-2m", "{\"timestep_spacing\": \"leading\", \"steps_offset\": 1,"
            + " \"final_sigmas_type\": \"sigma_min\"}", 201.958893, -95.261917),
        Arguments.of("dpmpp-2m", "{\"lower_order_final\": false, \"timestep_spacing\": \"trailing\","
            + " \"final_sigmas_type\": \"sigma_min\"}", 266.537750, -115.310852),
        Arguments.of("euler", "{\"prediction_type\": \"sample\"}", 38.399990, 38.399990),
        Arguments.of("euler", "{\"timestep_spacing\": \"leading\", \"steps_offset\": 1}", 195.393311, -126.920341),
        Arguments.of("euler", "{\"timestep_spacing\": \"trailing\", \"prediction_type\": \"v_prediction\"}",
            55.384537, -29.462971));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void matchesDiffusers(String name, String json, double absSum, double sum) {
    PluginConfig config = PluginConfig.of("num_train_timesteps", 1000, "beta_start", 0.0001, "beta_end", 0.02,
        "beta_schedule", "linear").merge(PluginConfig.parseJson(json));
    Sampler sampler = Fixtures.sampler(name, config);
    try (NDManager m = NDManager.newBaseManager()) {
      SamplerPlan plan = sampler.plan(10);
      NDArray start = Fixtures.dummySampleDeter(m, false).mul(2).sub(1).mul(plan.initNoiseSigma());
      NDArray x = LoopRunner.last(LoopRunner.run(sampler, plan, 0, start, MODEL, NoiseSource.none()));
      assertThat(Fixtures.absSum(x)).isCloseTo(absSum, within(1e-2));
      assertThat(x.sum().toType(DataType.FLOAT64, false).getDouble()).isCloseTo(sum, within(1e-2));
    }
  }
}
