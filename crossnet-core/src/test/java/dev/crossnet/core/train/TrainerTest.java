package dev.crossnet.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.OptimizerOptions;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.plugin.UnknownPluginException;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  /** A loss plugin of that name reading {@code needs} and computing {@code value}. */
  private static LossProvider loss(String name, Set<LossInput<?>> needs,
      java.util.function.Function<LossContext, NDArray> value) {
    return new LossProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public TrainingLoss create(PluginConfig config) {
        return new TrainingLoss() {
          @Override
          public Set<LossInput<?>> requires() {
            return needs;
          }

          @Override
          public NDArray compute(LossContext c) {
            return value.apply(c);
          }
        };
      }
    };
  }

  private static NDArray mse(LossContext c) {
    return c.get(LossInput.PREDICTION).sub(c.get(LossInput.TARGET)).square().mean();
  }

  /** Mean squared error of prediction and target. */
  private static final LossProvider MSE = loss("mse", Set.of(LossInput.PREDICTION, LossInput.TARGET),
      TrainerTest::mse);

  /** Pulls the learned embeddings toward zero: a loss that touches only the second group. */
  private static final LossProvider SHRINK = loss("shrink", Set.of(LossInput.LEARNED_EMBEDDINGS),
      c -> c.get(LossInput.LEARNED_EMBEDDINGS).square().sum());

  /** MSE, plus at step 3 a term whose value is 0 but whose gradient is NaN: sqrt(p - p) has d/dp = inf * 0. */
  private static final LossProvider MSE_NAN_AT_STEP_3 = loss("mse-nan3",
      Set.of(LossInput.PREDICTION, LossInput.TARGET), c -> {
        NDArray p = c.get(LossInput.PREDICTION);
        return c.step() == 3 ? mse(c).add(p.sub(p).sum().sqrt()) : mse(c);
      });

  /** A finite loss whose gradient is NaN at every step (d/dx sqrt(x) at 0). */
  private static final LossProvider MSE_NAN_ALWAYS = loss("mse-nan",
      Set.of(LossInput.PREDICTION, LossInput.TARGET), c -> {
        NDArray p = c.get(LossInput.PREDICTION);
        return mse(c).add(p.sub(p).sum().sqrt());
      });

  private static final PluginRegistry<LossProvider> LOSSES = PluginRegistry.of("loss", MSE, SHRINK);

  /** y = x . [1, -2, 3] for a fixed x per step; the model learns w. */
  private static Map<LossInput<?>, Object> regression(NDManager scope, NDArray w, int step) {
    float[] x = new float[12];
    java.util.SplittableRandom r = new java.util.SplittableRandom(step);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    NDArray xs = scope.create(x, new Shape(4, 3));
    NDArray truth = scope.create(new float[] {1, -2, 3}, new Shape(3, 1));
    NDArray column = w.reshape(3, 1);
    column.attach(scope); // born in w's manager, like every op on a parameter
    Map<LossInput<?>, Object> out = new LinkedHashMap<>();
    out.put(LossInput.PREDICTION, xs.matMul(column));
    out.put(LossInput.TARGET, xs.matMul(truth));
    return out;
  }

  private static Trainer trainer(NDManager m, NDArray w, Path ckpt) {
    return trainer(m, w, ckpt, 0);
  }

  private static Trainer trainer(NDManager m, NDArray w, Path ckpt, double averageDecay) {
    Trainer.Builder b = Trainer.builder()
        .averaging(averageDecay)
        .parameters(Map.of("w", w))
        .groups(List.of(ParameterGroup.named("weights").parameters(List.of("w"))
            .optimizer(OptimizerOptions.adamW(0.1)).loss(LossTerm.of("mse", 1)).build()))
        .losses(LOSSES)
        .seed(5)
        .stateManager(m.newSubManager())
        .step((scope, step) -> regression(scope, w, step));
    if (ckpt != null) {
      b.checkpoints(new CheckpointStore(ckpt, 2), 10);
    }
    return b.build();
  }

  @Test
  void lossFallsAndTheWeightsApproachTheTruth() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      try (Trainer t = trainer(m, w, null)) {
        Map<String, Double> first = t.train(1, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        Map<String, Double> last = t.train(300, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        assertThat(last.get("weights")).isLessThan(first.get("weights") / 100);
      }
      assertThat(w.toFloatArray()).containsExactly(new float[] {1, -2, 3}, org.assertj.core.data.Offset.offset(0.05f));
    }
  }

  @Test
  void aResumedRunEndsExactlyWhereAnUninterruptedOneDoes(@TempDir Path dir) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray straight = m.zeros(new Shape(3));
      try (Trainer t = trainer(m, straight, dir.resolve("a"))) {
        t.train(40, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      }
      NDArray interrupted = m.zeros(new Shape(3));
      try (Trainer t = trainer(m, interrupted, dir.resolve("b"))) {
        t.train(20, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      }
      NDArray resumed = m.zeros(new Shape(3));
      try (Trainer t = trainer(m, resumed, dir.resolve("b"))) {
        assertThat(t.resume()).isTrue();
        assertThat(t.stepsDone()).isEqualTo(20);
        t.train(40, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      }
      assertThat(resumed.toFloatArray()).containsExactly(straight.toFloatArray());
    }
  }

  @Test
  void checkpointsAreKeptToTheLimitAndLatestPointsAtTheNewest(@TempDir Path dir) throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      try (Trainer t = trainer(m, m.zeros(new Shape(3)), dir)) {
        t.train(45, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      }
    }
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("ckpt-00000040", "ckpt-00000045", "latest");
    }
    assertThat(Files.readString(dir.resolve("latest"))).isEqualTo("ckpt-00000045");
  }

  @Test
  void theParameterAverageFollowsItsFormulaFromTheFirstStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      java.util.List<float[]> afterStep = new java.util.ArrayList<>();
      float[] average;
      try (Trainer t = trainer(m, w, null, 0.5)) {
        t.train(25, ProgressListener.NONE, (step, losses) -> afterStep.add(w.toFloatArray()), Cancellation.never());
        float[] expected = afterStep.get(0).clone();
        for (int n = 1; n < afterStep.size(); n++) {
          double d = Math.min(0.5, (1.0 + n) / (10.0 + n));
          for (int i = 0; i < 3; i++) {
            expected[i] = (float) (d * expected[i] + (1 - d) * afterStep.get(n)[i]);
          }
        }
        average = t.averagedParameters().get("w").toFloatArray();
        assertThat(average).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(average).isNotEqualTo(w.toFloatArray());
        t.copyAveragesIntoParameters();
      }
      assertThat(w.toFloatArray()).containsExactly(average);
    }
  }

  @Test
  void aResumedRunRestoresItsParameterAverages(@TempDir Path dir) {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] straight;
      try (Trainer t = trainer(m, m.zeros(new Shape(3)), dir.resolve("a"), 0.9)) {
        t.train(40, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        straight = t.averagedParameters().get("w").toFloatArray();
      }
      try (Trainer t = trainer(m, m.zeros(new Shape(3)), dir.resolve("b"), 0.9)) {
        t.train(20, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      }
      try (Trainer t = trainer(m, m.zeros(new Shape(3)), dir.resolve("b"), 0.9)) {
        assertThat(t.resume()).isTrue();
        t.train(40, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        assertThat(t.averagedParameters().get("w").toFloatArray()).containsExactly(straight);
      }
    }
  }

  @Test
  void copyingAveragesWithoutAveragingSaysHowToEnableThem() {
    try (NDManager m = NDManager.newBaseManager(); Trainer t = trainer(m, m.zeros(new Shape(3)), null)) {
      t.train(2, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      assertThatThrownBy(t::copyAveragesIntoParameters).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("averaging(decay)");
    }
  }

  @Test
  void trainingLeavesNothingInTheModelsManager() {
    // the parameter's manager is where DJL attaches every getGradient() handle; an open handle pins a whole
    // gradient per step (see nn.Gradients)
    try (NDManager model = NDManager.newBaseManager(); NDManager state = NDManager.newBaseManager()) {
      NDArray w = model.zeros(new Shape(3));
      int before = dev.crossnet.core.testing.OpenResources.count(model);
      try (Trainer t = trainer(state, w, null, 0.9)) {
        t.train(30, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      }
      assertThat(dev.crossnet.core.testing.OpenResources.count(model)).isEqualTo(before);
    }
  }

  @Test
  void theOptimiserStateStaysTheSameSizeStepAfterStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      NDManager state = m.newSubManager();
      Trainer t = Trainer.builder()
          .parameters(Map.of("w", w))
          .groups(List.of(ParameterGroup.named("weights").parameters(List.of("w"))
              .optimizer(OptimizerOptions.adamW(0.1).withGradientClip(1.0)).loss(LossTerm.of("mse", 1)).build()))
          .losses(LOSSES)
          .averaging(0.9)
          .stateManager(state)
          .step((scope, step) -> regression(scope, w, step))
          .build();
      try (t) {
        t.train(2, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        int afterTwo = dev.crossnet.core.testing.OpenResources.count(state);
        t.train(30, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        assertThat(dev.crossnet.core.testing.OpenResources.count(state)).isEqualTo(afterTwo);
      }
    }
  }

  @Test
  void aStepWithANonFiniteGradientIsSkippedAndTrainingGoesOn() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      Trainer.Builder b = Trainer.builder()
          .parameters(Map.of("w", w))
          .groups(List.of(ParameterGroup.named("weights").parameters(List.of("w"))
              .optimizer(OptimizerOptions.adamW(0.1)).loss(LossTerm.of("mse-nan3", 1)).build()))
          .losses(PluginRegistry.of("loss", MSE_NAN_AT_STEP_3))
          .seed(5)
          .stateManager(m.newSubManager())
          .step((scope, step) -> regression(scope, w, step));
      try (Trainer t = b.build()) {
        t.train(200, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        assertThat(t.skippedUpdates()).isEqualTo(1);
      }
      assertThat(w.toFloatArray()).containsExactly(new float[] {1, -2, 3}, org.assertj.core.data.Offset.offset(0.1f));
    }
  }

  @Test
  void aShortRunWhoseUpdatesWereAllSkippedEndsWithAnError() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      try (Trainer t = nanTrainer(m, w)) {
        assertThatThrownBy(() -> t.train(6, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("after step 6: 6 of 6 updates were skipped");
      }
      assertThat(w.toFloatArray()).containsOnly(0f);
    }
  }

  @Test
  void aLongRunWhoseUpdatesAreMostlySkippedStopsEarly() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      try (Trainer t = nanTrainer(m, w)) {
        assertThatThrownBy(() -> t.train(1000, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never()))
            .hasMessageContaining("after step 8: 8 of 8 updates were skipped");
        assertThat(t.stepsDone()).isEqualTo(8);
      }
    }
  }

  private static Trainer nanTrainer(NDManager m, NDArray w) {
    return Trainer.builder()
        .parameters(Map.of("w", w))
        .groups(List.of(ParameterGroup.named("weights").parameters(List.of("w"))
            .optimizer(OptimizerOptions.adamW(0.1)).loss(LossTerm.of("mse-nan", 1)).build()))
        .losses(PluginRegistry.of("loss", MSE_NAN_ALWAYS))
        .stateManager(m.newSubManager())
        .step((scope, step) -> regression(scope, w, step))
        .build();
  }

  @Test
  void eachGroupMovesOnlyByItsOwnLosses() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      NDArray token = m.ones(new Shape(2));
      Trainer t = Trainer.builder()
          .parameters(Map.of("w", w, "token", token))
          .groups(List.of(
              ParameterGroup.named("weights").parameters(List.of("w"))
                  .optimizer(OptimizerOptions.adamW(0.05)).loss(LossTerm.of("mse", 1)).build(),
              ParameterGroup.named("tokens").parameters(List.of("token"))
                  .optimizer(OptimizerOptions.adamW(0.05)).loss(LossTerm.of("shrink", 1)).build()))
          .losses(LOSSES)
          .supplies(Set.of(LossInput.PREDICTION, LossInput.TARGET, LossInput.LEARNED_EMBEDDINGS))
          .stateManager(m.newSubManager())
          .step((scope, step) -> {
            Map<LossInput<?>, Object> in = regression(scope, w, step);
            // the prediction also depends on the token, but the token's group must ignore that gradient
            in.put(LossInput.PREDICTION, ((NDArray) in.get(LossInput.PREDICTION)).add(token.sum()));
            in.put(LossInput.LEARNED_EMBEDDINGS, token);
            return in;
          })
          .build();
      try (t) {
        t.train(50, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      }
      float[] tk = token.toFloatArray();
      // shrink alone moves both entries identically toward zero; the mse gradient would differ in sign
      assertThat(tk[0]).isEqualTo(tk[1]).isLessThan(1f);
    }
  }

  @Test
  void groupsWithEqualLossesShareOneBackwardPassAndMoveAsSeparatePassesWould() {
    float[] shared = twoGroupsOnOneLoss(0);
    // a different order makes the terms unequal, so each group gets its own pass; one term, same function
    float[] separate = twoGroupsOnOneLoss(1);
    assertThat(shared).containsExactly(separate, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(shared[3]).isNotEqualTo(1f);
  }

  /** Trains w (group "weights") and a bias (group "bias") on the same mse; the bias group's term has this order. */
  private static float[] twoGroupsOnOneLoss(int biasOrder) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3));
      NDArray bias = m.ones(new Shape(1));
      Trainer t = Trainer.builder()
          .parameters(Map.of("w", w, "bias", bias))
          .groups(List.of(
              ParameterGroup.named("weights").parameters(List.of("w"))
                  .optimizer(OptimizerOptions.adamW(0.05)).loss(LossTerm.of("mse", 1)).build(),
              ParameterGroup.named("bias").parameters(List.of("bias"))
                  .optimizer(OptimizerOptions.adamW(0.02))
                  .loss(new LossTerm("mse", 1, biasOrder, PluginConfig.empty())).build()))
          .losses(LOSSES)
          .stateManager(m.newSubManager())
          .step((scope, step) -> {
            Map<LossInput<?>, Object> in = regression(scope, w, step);
            in.put(LossInput.PREDICTION, ((NDArray) in.get(LossInput.PREDICTION)).add(bias));
            return in;
          })
          .build();
      try (t) {
        Map<String, Double> last = t.train(30, ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
        assertThat(last.get("bias")).isEqualTo(last.get("weights"));
      }
      float[] out = new float[4];
      System.arraycopy(w.toFloatArray(), 0, out, 0, 3);
      out[3] = bias.getFloat();
      return out;
    }
  }

  @Test
  void aLossNeedingAnInputTheStepDoesNotSupplyFailsBeforeTraining() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> Trainer.builder()
          .parameters(Map.of("w", m.zeros(new Shape(3))))
          .groups(List.of(ParameterGroup.named("g").parameters(List.of("w"))
              .optimizer(OptimizerOptions.adamW(0.1)).loss(LossTerm.of("shrink", 1)).build()))
          .losses(LOSSES)
          .step((scope, step) -> Map.of())
          .build())
          .hasMessageContaining("needs [learned embeddings]");
    }
  }

  @Test
  void anUnknownLossListsTheKnownOnes() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> Trainer.builder()
          .parameters(Map.of("w", m.zeros(new Shape(3))))
          .groups(List.of(ParameterGroup.named("g").parameters(List.of("w"))
              .optimizer(OptimizerOptions.adamW(0.1)).loss(LossTerm.of("msa", 1)).build()))
          .losses(LOSSES)
          .step((scope, step) -> Map.of())
          .build())
          .isInstanceOf(UnknownPluginException.class)
          .hasMessageContaining("mse, shrink");
    }
  }

  @Test
  void aGroupNamingAParameterTheModelLacksIsRefused() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> trainerWithParameter(m, "v")).hasMessageContaining("names 'v'");
    }
  }

  private static Trainer trainerWithParameter(NDManager m, String name) {
    return Trainer.builder()
        .parameters(Map.of("w", m.zeros(new Shape(3))))
        .groups(List.of(ParameterGroup.named("g").parameters(List.of(name))
            .optimizer(OptimizerOptions.adamW(0.1)).loss(LossTerm.of("mse", 1)).build()))
        .losses(LOSSES)
        .step((scope, step) -> Map.of())
        .build();
  }
}
