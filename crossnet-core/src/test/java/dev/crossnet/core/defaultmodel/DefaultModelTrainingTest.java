package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.text.PromptTokenizer;
import dev.crossnet.core.text.PromptTokenizers;
import dev.crossnet.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultModelTrainingTest {

  private static final PluginRegistry<LossProvider> LOSSES = PluginRegistry.discover(LossProvider.class, "loss", "");
  private static final DiffusionTraining.Settings SETTINGS = new DiffusionTraining.Settings(1e-3, 1e-3, 0.5, 0.9);

  @TempDir Path dir;

  @Test
  void theVaeStageTrainsBothStepsAndReportsItsLoss() {
    FigureWorldImages images = TinyModels.images(8);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      AutoencoderKL vae = TinyModels.vae(m);
      float[] before = vae.namedParameters().get("encoder.conv_in.weight").toFloatArray();
      Map<String, Double> last = VaeTraining.train(vae, images, TrainingRun.of(2, 2, 1, Optional.empty(), 1),
          VaeTraining.Settings.whole(1e-3), LOSSES, m, ProgressListener.NONE, TrainingListener.NONE,
          Cancellation.never());
      assertThat(last).containsKey("vae/reconstruction");
      assertThat(vae.namedParameters().get("encoder.conv_in.weight").toFloatArray()).isNotEqualTo(before);
      LatentSet latents = LatentSet.encode(vae, images, 3, m);
      assertThat(latents.count()).isEqualTo(8);
      assertThat(latents.scalingFactor()).isPositive().isFinite();
    }
  }

  @Test
  void aDecoderRunLeavesTheEncoderAndSoEveryLatentUnchanged() {
    FigureWorldImages images = TinyModels.images(4);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      AutoencoderKL vae = TinyModels.vae(m);
      Map<String, float[]> before = new LinkedHashMap<>();
      vae.namedParameters().forEach((k, v) -> before.put(k, v.toFloatArray()));
      VaeTraining.train(vae, images, TrainingRun.of(2, 2, 1, Optional.empty(), 1),
          new VaeTraining.Settings(1e-3, VaeTraining.Part.DECODER, "absolute", 4), LOSSES, m, ProgressListener.NONE,
          TrainingListener.NONE, Cancellation.never());
      vae.namedParameters().forEach((k, v) -> {
        boolean decoder = k.startsWith("decoder.") || k.startsWith("post_quant_conv.");
        if (decoder && k.endsWith("conv_out.weight")) {
          assertThat(v.toFloatArray()).as(k).isNotEqualTo(before.get(k));
        } else if (!decoder) {
          assertThat(v.toFloatArray()).as(k).containsExactly(before.get(k));
        }
      });
    }
  }

  @Test
  void anInterruptedDiffusionRunResumesToTheSameWeightsAsAnUninterruptedOne() {
    Map<String, float[]> straight = diffusion(dir.resolve("straight"), 4);
    diffusion(dir.resolve("resumed"), 2);
    Map<String, float[]> resumed = diffusion(dir.resolve("resumed"), 4);
    assertThat(resumed.keySet()).isEqualTo(straight.keySet());
    straight.forEach((k, v) -> assertThat(resumed.get(k)).as(k).containsExactly(v));
  }

  @Test
  void bothGroupsAreTrainedAndLogged() {
    Map<String, Double> seen = new LinkedHashMap<>();
    FigureWorldImages images = TinyModels.images(6);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionNetworks networks = TinyModels.networks(m);
      float[] textBefore = networks.textEncoder().tokenEmbeddings().toFloatArray();
      float[] unetBefore = networks.unet().namedParameters().get("conv_in.weight").toFloatArray();
      train(networks, images, TrainingRun.of(2, 3, 9, Optional.empty(), 1), m, (step, losses) -> seen.putAll(losses));
      assertThat(seen).containsKeys("unet/reconstruction", "text_encoder/reconstruction");
      assertThat(networks.textEncoder().tokenEmbeddings().toFloatArray()).isNotEqualTo(textBefore);
      assertThat(networks.unet().namedParameters().get("conv_in.weight").toFloatArray()).isNotEqualTo(unetBefore);
    }
  }

  @Test
  void minSnrWeightsClampTheSignalToNoiseRatio() {
    assertThat(DiffusionTraining.minSnrWeight(0.99, 0, false)).isEqualTo(1.0);
    // SNR 99: noise prediction weighs 5 / 99, v prediction 5 / 100
    assertThat(DiffusionTraining.minSnrWeight(0.99, 5, false)).isCloseTo(5 / 99.0, within(1e-9));
    assertThat(DiffusionTraining.minSnrWeight(0.99, 5, true)).isCloseTo(5 / 100.0, within(1e-9));
    // SNR 1/9 is under gamma: noise prediction weighs 1, v prediction SNR / (SNR + 1) = 0.1
    assertThat(DiffusionTraining.minSnrWeight(0.1, 5, false)).isCloseTo(1.0, within(1e-9));
    assertThat(DiffusionTraining.minSnrWeight(0.1, 5, true)).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void vPredictionWithMinSnrTrainsOtherWeightsThanNoisePredictionFromTheSameStart() {
    Map<String, float[]> epsilon = trainOnce(TinyModels.CONFIG, SETTINGS);
    Map<String, float[]> v = trainOnce(TinyModels.CONFIG.withPredictionType(DefaultModelConfig.V_PREDICTION),
        new DiffusionTraining.Settings(1e-3, 1e-3, 0.5, 0.9, 5));
    assertThat(v.keySet()).isEqualTo(epsilon.keySet());
    assertThat(v.get("conv_out.weight")).isNotEqualTo(epsilon.get("conv_out.weight"));
    v.values().forEach(values -> {
      for (float x : values) {
        assertThat(x).isFinite();
      }
    });
    assertThat(TinyModels.CONFIG.withPredictionType(DefaultModelConfig.V_PREDICTION).schedulerJson())
        .containsEntry("prediction_type", "v_prediction");
  }

  @Test
  void trainingGoesOnFromAnExportedModelsWeights() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionNetworks networks = TinyModels.networks(m);
      AutoencoderKL vae = TinyModels.vae(m);
      DefaultModelExporter.export(dir.resolve("model"), TinyModels.CONFIG, vae, 0.7, networks, TinyModels.VOCABULARY);
      int vocabulary = TinyModels.VOCABULARY.vocabulary().size();
      DiffusionNetworks loaded = DiffusionNetworks.load(dir.resolve("model"), TinyModels.CONFIG, vocabulary, m);
      networks.unet().namedParameters().forEach((k, p) ->
          assertThat(loaded.unet().namedParameters().get(k).toFloatArray()).as(k).containsExactly(p.toFloatArray()));
      assertThat(loaded.textEncoder().tokenEmbeddings().toFloatArray())
          .containsExactly(networks.textEncoder().tokenEmbeddings().toFloatArray());
      DefaultModelConfig wider = new DefaultModelConfig(16, List.of(8, 8), 4, List.of(8, 32), 4, 2, 8, 1, 2, 16, 24,
          1e-4, 0.02, 1000, DefaultModelConfig.EPSILON);
      assertThatThrownBy(() -> DiffusionNetworks.load(dir.resolve("model"), wider, vocabulary, m))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not this model's architecture");
    }
  }

  private Map<String, float[]> trainOnce(DefaultModelConfig config, DiffusionTraining.Settings settings) {
    FigureWorldImages images = TinyModels.images(6);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionNetworks networks = TinyModels.networks(m);
      AutoencoderKL vae = TinyModels.vae(m);
      LatentSet latents = LatentSet.encode(vae, images, 4, m);
      Path tokenizerDir = dir.resolve("tokenizer");
      DefaultModelExporter.writeTokenizer(tokenizerDir, TinyModels.VOCABULARY, config.maxTokens());
      DiffusionTraining.train(networks, config, latents, 0.7f, images, PromptTokenizers.load(tokenizerDir),
          TrainingRun.of(2, 3, 9, Optional.empty(), 1), settings, LOSSES, m, ProgressListener.NONE,
          TrainingListener.NONE, Cancellation.never());
      Map<String, float[]> out = new LinkedHashMap<>();
      networks.unet().namedParameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
      return out;
    }
  }

  private Map<String, float[]> diffusion(Path checkpoints, int steps) {
    FigureWorldImages images = TinyModels.images(6);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionNetworks networks = TinyModels.networks(m);
      train(networks, images, TrainingRun.of(steps, 3, 9, Optional.of(checkpoints), 2), m, TrainingListener.NONE);
      Map<String, float[]> out = new LinkedHashMap<>();
      networks.unet().namedParameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
      networks.textEncoder().namedParameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
      return out;
    }
  }

  private void train(DiffusionNetworks networks, FigureWorldImages images, TrainingRun run, NDManager m,
      TrainingListener listener) {
    AutoencoderKL vae = TinyModels.vae(m);
    LatentSet latents = LatentSet.encode(vae, images, 4, m);
    Path tokenizerDir = dir.resolve("tokenizer");
    DefaultModelExporter.writeTokenizer(tokenizerDir, TinyModels.VOCABULARY, TinyModels.CONFIG.maxTokens());
    PromptTokenizer tokenizer = PromptTokenizers.load(tokenizerDir);
    DiffusionTraining.train(networks, TinyModels.CONFIG, latents, 0.7f, images, tokenizer, run, SETTINGS, LOSSES, m,
        ProgressListener.NONE, listener, Cancellation.never());
  }
}
