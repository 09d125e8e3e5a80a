package dev.crossnet.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.samplers.config.BetaSchedule;
import dev.crossnet.samplers.config.PredictionType;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.config.SchedulerConfig.Defaults;
import dev.crossnet.samplers.config.TimestepSpacing;
import org.junit.jupiter.api.Test;

class SchedulerConfigTest {

  private static final String SD_CONFIG = """
      {"_class_name": "DDIMScheduler", "num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012,
       "beta_schedule": "scaled_linear", "prediction_type": "v_prediction", "timestep_spacing": "trailing",
       "steps_offset": 1, "set_alpha_to_one": false, "clip_sample": false, "clip_sample_range": 2.5,
       "trained_betas": null, "thresholding": false}""";

  @Test
  void readsDiffusersKeys() {
    SchedulerConfig c = SchedulerConfig.from(PluginConfig.parseJson(SD_CONFIG), Defaults.DDIM);
    assertThat(c.betaSchedule()).isEqualTo(BetaSchedule.SCALED_LINEAR);
    assertThat(c.predictionType()).isEqualTo(PredictionType.V_PREDICTION);
    assertThat(c.timestepSpacing()).isEqualTo(TimestepSpacing.TRAILING);
    assertThat(c.stepsOffset()).isEqualTo(1);
    assertThat(c.setAlphaToOne()).isFalse();
    assertThat(c.clipSample()).isFalse();
    assertThat(c.clipSampleRange()).isEqualTo(2.5);
    assertThat(c.trainedBetas()).isNull();
  }

  @Test
  void absentKeysTakeTheSchedulerClassDefaults() {
    assertThat(SchedulerConfig.from(PluginConfig.empty(), Defaults.DDIM).timestepSpacing())
        .isEqualTo(TimestepSpacing.LEADING);
    assertThat(SchedulerConfig.from(PluginConfig.empty(), Defaults.EULER).timestepSpacing())
        .isEqualTo(TimestepSpacing.LINSPACE);
  }

  @Test
  void unknownEnumValueNamesKeyValueAndAllowedValues() {
    assertThatThrownBy(() -> SchedulerConfig.from(PluginConfig.of("beta_schedule", "cosine"), Defaults.DDIM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'beta_schedule'")
        .hasMessageContaining("'cosine'")
        .hasMessageContaining("linear, scaled_linear, squaredcos_cap_v2");
  }

  @Test
  void unknownPredictionTypeIsRejected() {
    assertThatThrownBy(() -> SchedulerConfig.from(PluginConfig.of("prediction_type", "flow"), Defaults.DDIM))
        .hasMessageContaining("'prediction_type'").hasMessageContaining("'flow'")
        .hasMessageContaining("epsilon, v_prediction, sample");
  }

  @Test
  void unknownSpacingIsRejected() {
    assertThatThrownBy(() -> SchedulerConfig.from(PluginConfig.of("timestep_spacing", "karras"), Defaults.DDIM))
        .hasMessageContaining("'timestep_spacing'").hasMessageContaining("leading, trailing, linspace");
  }

  @Test
  void optionsCrossNetDoesNotImplementAreRefusedWhenSwitchedOn() {
    assertThatThrownBy(() -> SchedulerConfig.from(PluginConfig.of("thresholding", true), Defaults.DDIM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'thresholding'")
        .hasMessageContaining("only allowed value is 'false'");
  }

  @Test
  void trainedBetasOfTheWrongLengthAreRejected() {
    PluginConfig c = PluginConfig.parseJson("{\"num_train_timesteps\": 3, \"trained_betas\": [0.1, 0.2]}");
    assertThatThrownBy(() -> SchedulerConfig.from(c, Defaults.DDPM))
        .hasMessageContaining("trained_betas has 2 values but num_train_timesteps is 3");
  }

  @Test
  void trainedBetasReplaceTheSchedule() {
    PluginConfig c = PluginConfig.parseJson("{\"num_train_timesteps\": 2, \"trained_betas\": [0.1, 0.5]}");
    assertThat(SchedulerConfig.from(c, Defaults.DDPM).noiseSchedule().alphaCumprod(1)).isEqualTo(0.45, 
        org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void betasOutsideTheUnitIntervalAreRejectedWithTheSettings() {
    SchedulerConfig c = SchedulerConfig.from(PluginConfig.of("beta_start", 0.1, "beta_end", 2), Defaults.DDIM);
    assertThatThrownBy(c::noiseSchedule)
        .hasMessageContaining("beta_end 2.0")
        .hasMessageContaining("betas must lie in [0, 1)");
  }

  @Test
  void cosineScheduleCapsBetas() {
    SchedulerConfig c = SchedulerConfig.from(PluginConfig.of("beta_schedule", "squaredcos_cap_v2"), Defaults.DDIM);
    assertThat(c.noiseSchedule().beta(999)).isEqualTo(0.999, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void ddpmRefusesOtherVarianceTypes() {
    assertThatThrownBy(() -> Fixtures.sampler("ddpm", "variance_type", "learned_range"))
        .hasMessageContaining("'variance_type'").hasMessageContaining("'learned_range'")
        .hasMessageContaining("fixed_small");
  }

  @Test
  void ddimInversionRefusesLinspace() {
    assertThatThrownBy(() -> Fixtures.sampler("ddim-inversion", "timestep_spacing", "linspace"))
        .hasMessageContaining("leading, trailing");
  }
}
