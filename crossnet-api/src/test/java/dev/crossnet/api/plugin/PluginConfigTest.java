package dev.crossnet.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PluginConfigTest {

  @Test
  void readsTypedValuesFromJson() {
    PluginConfig c = PluginConfig.parseJson(
        "{\"num_train_timesteps\": 1000, \"beta_start\": 0.00085, \"clip_sample\": false,"
            + " \"beta_schedule\": \"scaled_linear\", \"trained_betas\": null, \"list\": [1, 2.5]}");
    assertThat(c.getInt("num_train_timesteps", 0)).isEqualTo(1000);
    assertThat(c.getDouble("beta_start", 0)).isEqualTo(0.00085);
    assertThat(c.getBoolean("clip_sample", true)).isFalse();
    assertThat(c.getString("beta_schedule", "linear")).isEqualTo("scaled_linear");
    assertThat(c.has("trained_betas")).isFalse();
    assertThat(c.getDoubles("list")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2.5));
  }

  @Test
  void missingKeysGiveTheDefault() {
    assertThat(PluginConfig.empty().getInt("steps_offset", 1)).isEqualTo(1);
  }

  @Test
  void wrongTypesAreNamed() {
    PluginConfig c = PluginConfig.of("steps_offset", "one", "clip_sample", "maybe", "ratio", 0.5);
    assertThatThrownBy(() -> c.getInt("steps_offset", 0)).hasMessageContaining("'steps_offset'")
        .hasMessageContaining("'one'");
    assertThatThrownBy(() -> c.getBoolean("clip_sample", false)).hasMessageContaining("'clip_sample'");
    assertThatThrownBy(() -> c.getInt("ratio", 0)).hasMessageContaining("whole number");
  }

  @Test
  void withAndMergeReturnCopies() {
    PluginConfig base = PluginConfig.of("a", 1);
    PluginConfig more = base.with("b", 2).merge(PluginConfig.of("a", 3));
    assertThat(base.asMap()).containsOnlyKeys("a");
    assertThat(more.getInt("a", 0)).isEqualTo(3);
    assertThat(more.getInt("b", 0)).isEqualTo(2);
  }
}
