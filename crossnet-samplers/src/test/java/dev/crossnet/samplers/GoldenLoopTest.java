package dev.crossnet.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loops recorded from diffusers 0.25.0 in the shared goldens ({@code goldens/ddim-eta0},
 * {@code goldens/euler}): same config, same start, same dummy model, and the sample after every step within
 * 1e-4.
 */
class GoldenLoopTest {

  /** The goldens' dummy model: tanh(scaled x) / 2 + cos(t / 100) / 10. */
  private static final Denoiser MODEL = (x, t) -> x.tanh().mul(0.5).add(0.1 * Math.cos((float) t / 100.0));

  private static void assertLoopMatches(String folder, String samplerName) throws IOException {
    Path dir = Fixtures.shared(folder);
    Sampler sampler = Fixtures.sampler(samplerName, PluginConfig.readJson(dir.resolve("scheduler_config.json")));
    PluginConfig testCase = PluginConfig.readJson(dir.resolve("case.json"));
    try (NDManager m = NDManager.newBaseManager()) {
      NDList golden = Fixtures.readSafetensors(m, dir.resolve("loop.safetensors"));
      SamplerPlan plan = sampler.plan(testCase.getInt("steps", 0));
      double[] timesteps = golden.get("timesteps").toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
          .toDoubleArray();
      assertThat(plan.timesteps()).containsExactly(timesteps);
      List<NDArray> after = LoopRunner.run(sampler, plan, 0, golden.get("x_init"), MODEL, NoiseSource.none());
      for (int i = 0; i < after.size(); i++) {
        assertThat(Fixtures.maxAbsDiff(after.get(i), golden.get(String.format("x_%03d", i))))
            .as("max |difference| after step %d of %s", i, folder)
            .isLessThan(1e-4);
      }
    }
  }

  @Test
  void ddimWithEtaZeroFollowsTheRecordedLoop() throws IOException {
    assertLoopMatches("ddim-eta0", "ddim");
  }

  @Test
  void eulerFollowsTheRecordedLoop() throws IOException {
    assertLoopMatches("euler", "euler");
  }
}
