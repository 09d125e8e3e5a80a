package dev.crossnet.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every sampler's step promises: pure, results in the sample's manager, no leftovers. */
class StepContractTest {

  private static final Shape SHAPE = new Shape(1, 2, 4, 4);

  private static int open(NDManager m) {
    return ((BaseNDManager) m).getManagedArrays().size();
  }

  /** Two steps in, so DPM-Solver++ takes its second-order branch with a history array. */
  private static StepResult secondStep(Sampler sampler, SamplerPlan plan, NDArray sample, NDArray output) {
    StepResult first = sampler.step(plan, 0, output, sample, NoiseSource.seeded(1), SolverHistory.EMPTY);
    return sampler.step(plan, 1, output, sample, NoiseSource.seeded(2), first.history());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ddpm", "ddim", "ddim-inversion", "dpmpp-2m", "euler", "euler-ancestral"})
  void leavesOnlyItsResultsInTheSamplesManagerAndNothingInTheModels(String name) {
    try (NDManager samples = NDManager.newBaseManager(); NDManager model = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler(name, "eta", 0.5);
      SamplerPlan plan = sampler.plan(10);
      NDArray sample = NoiseSource.seeded(3).next(samples, SHAPE);
      NDArray output = NoiseSource.seeded(4).next(model, SHAPE);
      int samplesBefore = open(samples);
      int modelBefore = open(model);
      StepResult first = sampler.step(plan, 0, output, sample, NoiseSource.seeded(1), SolverHistory.EMPTY);
      assertThat(open(samples)).isEqualTo(samplesBefore + 2);
      assertThat(open(model)).isEqualTo(modelBefore);
      assertThat(first.prevSample().getManager()).isSameAs(samples);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ddpm", "ddim", "ddim-inversion", "dpmpp-2m", "euler", "euler-ancestral"})
  void isAPureFunctionOfItsArguments(String name) {
    try (NDManager m = NDManager.newBaseManager()) {
      Sampler sampler = Fixtures.sampler(name, "eta", 0.5);
      SamplerPlan plan = sampler.plan(10);
      NDArray sample = NoiseSource.seeded(3).next(m, SHAPE);
      NDArray output = NoiseSource.seeded(4).next(m, SHAPE);
      float[] sampleBefore = sample.toFloatArray();
      float[] outputBefore = output.toFloatArray();
      StepResult a = secondStep(sampler, plan, sample, output);
      StepResult b = secondStep(sampler, plan, sample, output);
      assertThat(a.prevSample().toFloatArray()).containsExactly(b.prevSample().toFloatArray());
      assertThat(sample.toFloatArray()).containsExactly(sampleBefore);
      assertThat(output.toFloatArray()).containsExactly(outputBefore);
    }
  }
}
