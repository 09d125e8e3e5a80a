package dev.crossnet.samplers.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.samplers.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SdEditTest {

  @ParameterizedTest
  @ValueSource(strings = {"ddpm", "ddim", "dpmpp-2m", "euler", "euler-ancestral"})
  void aPerfectModelOfTheInputGivesTheInputBack(String name) {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler(name);
      SamplerPlan plan = sampler.plan(20);
      NDArray input = NoiseSource.seeded(11).next(m, new Shape(1, 3, 8, 8)).tanh();
      NDArray out = new SdEdit(0.7).run(sampler, plan, new ExactNoiseModel(input, plan), input,
          NoiseSource.seeded(3));
      assertThat(Fixtures.maxAbsDiff(out, input)).isLessThan(1e-4);
    }
  }

  @Test
  void runsTheLastStrengthShareOfTheSteps() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("ddim");
      SamplerPlan plan = sampler.plan(10);
      NDArray input = m.zeros(new Shape(1, 1, 4, 4));
      ExactNoiseModel model = new ExactNoiseModel(input, plan);
      new SdEdit(0.35).run(sampler, plan, model, input, NoiseSource.seeded(3));
      assertThat(model.calls).isEqualTo(3);
    }
  }

  @Test
  void leavesOnlyItsResultInTheInputsManager() {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler("dpmpp-2m");
      SamplerPlan plan = sampler.plan(10);
      NDArray input = m.zeros(new Shape(1, 1, 4, 4));
      ExactNoiseModel model = new ExactNoiseModel(input, plan);
      int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
      new SdEdit(1).run(sampler, plan, model, input, NoiseSource.seeded(3));
      assertThat(((ai.djl.ndarray.BaseNDManager) m).getManagedArrays()).hasSize(before + 1);
    }
  }
}
