package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.CancelledException;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.ClipPromptEncoder;
import dev.crossnet.core.pipeline.DenoisingLoop;
import dev.crossnet.core.pipeline.NoisePredictor;
import dev.crossnet.core.pipeline.UnconditionalOverride;
import dev.crossnet.core.pipeline.UnetPredictor;
import dev.crossnet.core.pipeline.VaeCodec;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Null-text optimisation makes the guided reverse path retrace the inversion more closely. */
class NullTextOptimizationTest {

  /** A run that only supplies the optimised unconditional states. */
  private record Override(Map<Integer, NDArray> states) implements BranchRun, UnconditionalOverride {
    @java.lang.Override
    public Optional<NDArray> unconditionalStates(int index) {
      return Optional.ofNullable(states.get(index));
    }
  }

  /** The tiny model, a 4-step DDIM plan started at 0.75, the bedrock's latent, its prompts and its inversion. */
  private record Setup(DiffusionModel model, UnetPredictor predictor, Sampler ddim, SamplerPlan plan, int start,
      NDArray latent, NDArray text, NDArray empty, List<NDArray> path) {

    static Setup of(Path dir, NDManager m) {
      DiffusionModel model = DiffusionModel.load(TinyModelFolder.assemble(dir.resolve("model")), m);
      UnetPredictor predictor = new UnetPredictor(model.unet());
      Sampler ddim = PluginRegistry.discover(SamplerProvider.class, "sampler", "").get("ddim")
          .create(model.schedulerConfig());
      SamplerPlan plan = ddim.plan(4);
      int start = plan.startIndex(0.75);
      NDArray latent = new VaeCodec(model.vae().orElseThrow()).encode(PictureTensors.toTensor(TinyEdits.bedrock(), m));
      ClipPromptEncoder prompts = new ClipPromptEncoder(model.tokenizer(), model.textEncoder());
      NDArray text = prompts.encode(List.of("a red robot"), m);
      NDArray empty = prompts.encode(List.of(""), m);
      DdimInversion inversion = DdimInversion.of(predictor, model.schedulerConfig());
      List<NDArray> path = inversion.path(latent, plan.size(), inversion.lastIndexFor(plan, start).orElseThrow(),
          empty, Cancellation.never());
      return new Setup(model, predictor, ddim, plan, start, latent, text, empty, path);
    }
  }

  @Test
  void optimisedUnconditionalStatesLowerTheGuidedReconstructionError(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Setup s = Setup.of(dir, m);
      Map<Integer, NDArray> states = new NullTextOptimization(s.model().unet(), s.ddim()).optimise(s.plan(),
          s.start(), s.path(), s.text(), s.empty(), 5.0, new NullTextOptimization.Settings(10, 0.01),
          Cancellation.never(), m);

      assertThat(states).containsOnlyKeys(1, 2, 3);
      double plain = error(s, List.of());
      double optimised = error(s, List.of(new Override(states)));
      assertThat(optimised).isLessThan(plain);
    }
  }

  @Test
  void aCancelledInversionEndsWithinOneModelEvaluation(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Setup s = Setup.of(dir, m);
      Cancellation cancellation = Cancellation.create();
      AtomicInteger evaluations = new AtomicInteger();
      NoisePredictor cancelsOnItsSecondCall = (sample, timestep, states, controls) -> {
        if (evaluations.incrementAndGet() == 2) {
          cancellation.cancel();
        }
        return s.predictor().predict(sample, timestep, states, controls);
      };
      DdimInversion inversion = DdimInversion.of(cancelsOnItsSecondCall, s.model().schedulerConfig());

      assertThatThrownBy(() -> inversion.path(s.latent(), 10, 8, s.empty(), cancellation))
          .isInstanceOf(CancelledException.class).hasMessageContaining("DDIM inversion (step 2 of 9)");
      assertThat(evaluations).hasValue(2);
    }
  }

  @Test
  void aCancelledNullTextOptimisationEndsBeforeItsNextIteration(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Setup s = Setup.of(dir, m);
      Cancellation cancelled = Cancellation.create();
      cancelled.cancel();

      assertThatThrownBy(() -> new NullTextOptimization(s.model().unet(), s.ddim()).optimise(s.plan(), s.start(),
          s.path(), s.text(), s.empty(), 5.0, new NullTextOptimization.Settings(10, 0.01), cancelled, m))
          .isInstanceOf(CancelledException.class).hasMessageContaining("null-text optimisation (step 1, iteration 1)");
    }
  }

  private static double error(Setup s, List<BranchRun> runs) {
    NDArray out = new DenoisingLoop(s.predictor()).run(new DenoisingLoop.Settings(s.ddim(), s.plan(), s.start(),
        s.text(), s.empty(), 5.0, runs, NoiseSource.seeded(0), ProgressListener.NONE, Cancellation.never()),
        s.path().get(s.path().size() - 1));
    return out.sub(s.latent()).square().mean().getFloat();
  }
}
