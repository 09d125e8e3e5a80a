package dev.crossnet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.CancelledException;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.testing.OpenResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DenoisingLoopTest {

  private static NDManager root;

  /** Predicts the noise that would make the sample decay toward zero: eps = x * 0.1. */
  private static final NoisePredictor SHRINK = (sample, t, text, control) -> sample.mul(0.1f);

  @BeforeAll
  static void start() {
    root = OfflineEngine.get().newBaseManager();
  }

  @AfterAll
  static void stop() {
    root.close();
  }

  private static Sampler sampler(String name) {
    return PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers")
        .get(name).create(PluginConfig.empty());
  }

  private static DenoisingLoop.Settings settings(Sampler sampler, SamplerPlan plan, List<BranchRun> branches,
      ProgressListener progress, Cancellation cancellation) {
    return new DenoisingLoop.Settings(sampler, plan, 0, null, null, 1.0, branches, NoiseSource.seeded(7),
        progress, cancellation);
  }

  @Test
  void leavesNothingOpenButTheResultAfterManySteps() {
    for (String name : List.of("ddim", "dpmpp-2m", "euler-ancestral")) {
      Sampler sampler = sampler(name);
      SamplerPlan plan = sampler.plan(40);
      try (NDManager m = root.newSubManager()) {
        NDArray initial = m.randomNormal(new Shape(1, 4, 8, 8));
        int before = OpenResources.count(m);
        NDArray out = new DenoisingLoop(SHRINK).run(
            settings(sampler, plan, List.of(), ProgressListener.NONE, Cancellation.never()), initial);
        assertThat(OpenResources.count(m)).as(name).isEqualTo(before + 1);
        assertThat(out.getShape()).isEqualTo(initial.getShape());
      }
    }
  }

  @Test
  void sameInputsAndSeedGiveTheSameSample() {
    Sampler sampler = sampler("euler-ancestral");
    SamplerPlan plan = sampler.plan(10);
    try (NDManager m = root.newSubManager()) {
      NDArray initial = NoiseSource.seeded(1).next(m, new Shape(1, 4, 8, 8));
      NDArray a = new DenoisingLoop(SHRINK).run(
          settings(sampler, plan, List.of(), ProgressListener.NONE, Cancellation.never()), initial);
      NDArray b = new DenoisingLoop(SHRINK).run(
          settings(sampler, plan, List.of(), ProgressListener.NONE, Cancellation.never()), initial);
      assertThat(a.toFloatArray()).containsExactly(b.toFloatArray());
    }
  }

  @Test
  void reportsProgressOncePerStep() {
    Sampler sampler = sampler("ddim");
    List<Progress> seen = new ArrayList<>();
    try (NDManager m = root.newSubManager()) {
      new DenoisingLoop(SHRINK).run(settings(sampler, sampler.plan(5), List.of(), seen::add,
          Cancellation.never()), m.zeros(new Shape(1, 1, 4, 4)));
    }
    assertThat(seen).extracting(Progress::done).containsExactly(1, 2, 3, 4, 5);
    assertThat(seen).allSatisfy(p -> assertThat(p.total()).isEqualTo(5));
  }

  @Test
  void cancellationStopsBetweenSteps() {
    Sampler sampler = sampler("ddim");
    Cancellation cancellation = Cancellation.create();
    ProgressListener cancelAfterTwo = p -> {
      if (p.done() == 2) {
        cancellation.cancel();
      }
    };
    try (NDManager m = root.newSubManager()) {
      assertThatThrownBy(() -> new DenoisingLoop(SHRINK).run(settings(sampler, sampler.plan(5), List.of(),
          cancelAfterTwo, cancellation), m.zeros(new Shape(1, 1, 4, 4))))
          .isInstanceOf(CancelledException.class)
          .hasMessageContaining("step 3 of 5");
    }
  }

  @Test
  void branchesAdjustTheSampleInTheirOrderAfterEveryStep() {
    Sampler sampler = sampler("ddim");
    List<String> calls = new ArrayList<>();
    BranchRun first = new BranchRun() {
      @Override
      public NDArray afterStep(StepView step, NDArray latent) {
        calls.add("first@" + step.index());
        return latent.mul(0);
      }
    };
    BranchRun second = new BranchRun() {
      @Override
      public NDArray initialLatent(StepView step, NDArray latent) {
        calls.add("second-start");
        return latent;
      }

      @Override
      public NDArray afterStep(StepView step, NDArray latent) {
        calls.add("second@" + step.index());
        return latent.add(1);
      }

      @Override
      public Optional<dev.crossnet.api.branch.AttentionControl> attention() {
        return Optional.empty();
      }
    };
    try (NDManager m = root.newSubManager()) {
      NDArray out = new DenoisingLoop(SHRINK).run(settings(sampler, sampler.plan(2), List.of(first, second),
          ProgressListener.NONE, Cancellation.never()), m.ones(new Shape(1, 1, 2, 2)));
      assertThat(out.toFloatArray()).containsOnly(1f);
    }
    assertThat(calls).containsExactly("second-start", "first@0", "second@0", "first@1", "second@1");
  }

  @Test
  void guidanceCombinesUnconditionalAndConditionalPredictions() {
    // the predictor returns the text state's value everywhere: 2 for the prompt, -1 for the negative prompt
    NoisePredictor echo = (sample, t, text, control) ->
        sample.zerosLike().add(text.get(new ai.djl.ndarray.index.NDIndex(":, 0, 0")).reshape(-1, 1, 1, 1));
    try (NDManager m = root.newSubManager()) {
      NDArray text = m.full(new Shape(1, 1, 1), 2f);
      NDArray negative = m.full(new Shape(1, 1, 1), -1f);
      NDArray eps = new GuidedPrediction(echo, text, negative, 3.0).predict(m.zeros(new Shape(1, 1, 2, 2)), 10,
          List.of());
      // u + s (c - u) = -1 + 3 * 3 = 8
      assertThat(eps.toFloatArray()).containsOnly(8f);
    }
  }
}
