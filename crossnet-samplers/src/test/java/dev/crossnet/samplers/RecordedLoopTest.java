package dev.crossnet.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stochastic samplers against loops recorded from diffusers v0.25.0 with the noise it drew (see
 * {@code src/test/resources/recorded/README.md}): replaying that noise must give the recorded samples within 1e-4 (the golden bar; samples reach about 15).
 */
class RecordedLoopTest {

  private static void assertReplayMatches(String file, String samplerName) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDList recorded = Fixtures.readResource(m, "/recorded/" + file + ".safetensors");
      PluginConfig config = PluginConfig.parseJson(recordedConfig(file));
      Sampler sampler = Fixtures.sampler(samplerName, config);
      SamplerPlan plan = sampler.plan(10);
      assertThat(plan.timesteps()).containsExactly(
          recorded.get("timesteps").toType(DataType.FLOAT64, false).toDoubleArray());
      NDList noise = new NDList();
      for (int j = 0; recorded.contains(String.format("noise_%03d", j)); j++) {
        noise.add(recorded.get(String.format("noise_%03d", j)));
      }
      List<NDArray> after = LoopRunner.run(sampler, plan, 0, recorded.get("x_init"), Fixtures::dummyModel,
          Fixtures.replay(noise));
      for (int i = 0; i < after.size(); i++) {
        assertThat(Fixtures.maxAbsDiff(after.get(i), recorded.get(String.format("x_%03d", i))))
            .as("max |difference| after step %d of %s", i, file)
            .isLessThan(1e-4);
      }
    }
  }

  /** The scheduler config the recording was made with (also in the file's metadata). */
  private static String recordedConfig(String file) {
    return switch (file) {
      case "ddpm" -> "{\"num_train_timesteps\": 1000, \"beta_start\": 0.0001, \"beta_end\": 0.02,"
          + " \"beta_schedule\": \"linear\", \"variance_type\": \"fixed_small\", \"clip_sample\": true}";
      case "ddim-eta05" -> "{\"num_train_timesteps\": 1000, \"beta_start\": 0.0001, \"beta_end\": 0.02,"
          + " \"beta_schedule\": \"linear\", \"clip_sample\": false, \"steps_offset\": 1, \"eta\": 0.5}";
      case "euler-ancestral" -> "{\"num_train_timesteps\": 1100, \"beta_start\": 0.0001, \"beta_end\": 0.02,"
          + " \"beta_schedule\": \"linear\"}";
      default -> throw new IllegalArgumentException(file);
    };
  }

  @Test
  void ddpmReplaysDiffusersLoop() {
    assertReplayMatches("ddpm", "ddpm");
  }

  @Test
  void ddimWithEtaReplaysDiffusersLoop() {
    assertReplayMatches("ddim-eta05", "ddim");
  }

  @Test
  void eulerAncestralReplaysDiffusersLoop() {
    assertReplayMatches("euler-ancestral", "euler-ancestral");
  }
}
