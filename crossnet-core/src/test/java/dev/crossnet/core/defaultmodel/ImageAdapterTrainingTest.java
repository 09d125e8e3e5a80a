package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.model.unet.IpAdapter;
import dev.crossnet.core.testing.TinyModelFolder;
import dev.crossnet.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two stages of the default model's image adapter, on the tiny golden model. */
class ImageAdapterTrainingTest {

  private static final PluginRegistry<LossProvider> LOSSES = PluginRegistry.discover(LossProvider.class, "loss", "");
  private static final ImageAdapterConfig SIZES = ImageAdapterConfig.tiny();
  private static final SceneOptions SCENES = SceneOptions.defaults().withFigures(1, 2).withSplit(Split.TRAIN);

  @TempDir Path dir;

  @Test
  void examplesPairAFigureWithAPictureOfItsLookAndCaptionsNameItByTheNeutralWord() {
    AdapterExamples examples = AdapterExamples.make(SCENES, 6, 500, 9000, SIZES.processor());
    assertThat(examples.count()).isBetween(4, 6);
    assertThat(examples.crop(0)).hasSize(3 * SIZES.imageSize() * SIZES.imageSize());
    assertThat(examples.captions(0).get(0)).startsWith("a " + AdapterExamples.SUBJECT_WORD + " ");
    assertThat(examples.captions(0).get(3)).isEmpty();
    float inside = 0;
    for (float w : examples.region(0)) {
      inside += w;
    }
    assertThat(inside).as("the figure's region").isGreaterThan(40);
    AdapterExamples again = AdapterExamples.make(SCENES, 6, 500, 9000, SIZES.processor());
    assertThat(again.crop(1)).containsExactly(examples.crop(1));
  }

  @Test
  void theEncoderStageLearnsToReadTheLook() {
    AdapterExamples examples = AdapterExamples.make(SCENES, 8, 500, 9000, SIZES.processor());
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      ClipVisionModel encoder = ClipVisionModel.initialise(SIZES.encoderConfig(), 4, m);
      float[] before = encoder.namedParameters().get("visual_projection.weight").toFloatArray();
      Map<String, Double> last = ImageEncoderTraining.train(encoder, examples,
          TrainingRun.of(3, 4, 2, Optional.empty(), 1), 1e-3, LOSSES, m, ProgressListener.NONE,
          TrainingListener.NONE, Cancellation.never());
      assertThat(last).containsKey("image_encoder/cross-entropy");
      assertThat(encoder.namedParameters().get("visual_projection.weight").toFloatArray()).isNotEqualTo(before);
      assertThat(ImageEncoderTraining.accuracy(encoder, examples, examples, m)).hasSize(4);
    }
  }

  @Test
  void anInterruptedAdapterRunResumesToTheSameWeightsAndLeavesEncoderAndModelAlone() {
    Path model = TinyModelFolder.assemble(dir.resolve("model"));
    Map<String, float[]> straight = adapterRun(model, dir.resolve("straight"), 4);
    Map<String, float[]> resumed = resumedRun(model, dir.resolve("resumed"));
    if (same(straight, resumed)) {
      return;
    }
    // oneDNN on some AVX-512 processors now and then returns a NaN gradient through the frozen UNet, and the
    // trainer skips that update (logging a warning): one more straight and one more resumed run tell a skipped
    // update from a resume that goes wrong
    Map<String, float[]> again = adapterRun(model, dir.resolve("again"), 4);
    Map<String, float[]> resumedAgain = resumedRun(model, dir.resolve("resumed-again"));
    if (same(resumedAgain, straight) || same(resumedAgain, again) || same(resumed, again)) {
      return;
    }
    assumeTrue(same(straight, again), "two straight adapter runs differ on this machine (skipped updates: see the"
        + " trainer's warnings), so resuming cannot be compared bit for bit");
    straight.forEach((k, v) -> assertThat(resumedAgain.get(k)).as(k).containsExactly(v));
  }

  @Test
  void anInpaintingUnetIsShownTheBlankedSceneAsAnEditShowsItAndNeedsIt() {
    Path inpainting = TinyModelFolder.assembleInpainting(dir.resolve("inpainting"), 0.1f);
    Path plain = TinyModelFolder.assemble(dir.resolve("plain"));
    AdapterExamples examples = AdapterExamples.make(SCENES, 6, 500, 9000, SIZES.processor());
    FigureWorldImages images = FigureWorldImages.render(SCENES, 6, 500);
    double[] schedule = DefaultModelConfig.standard().alphasCumprod();
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(inpainting, m);
      LatentSet latents = LatentSet.encode(model.vae().orElseThrow(), images, 3, m);
      AdapterConditions conditions = AdapterConditions.encode(model.vae().orElseThrow(), examples, images, 3, m);
      assertThat(conditions.blanked().count()).isEqualTo(examples.count());
      Shape shape = latents.shape(2);
      int cells = (int) (shape.get(2) * shape.get(3));
      int per = (int) shape.get(1) * cells;
      float[] region = conditions.regions()[0];
      double inside = 0;
      for (float v : region) {
        inside += v;
      }
      assertThat(inside).as("the edit region of a figure, in latent cells").isBetween(1.0, cells - 1.0);
      float[] noisy = new float[2 * per];
      float[] input = conditions.input(noisy, new int[] {0, 0}, new boolean[] {false, true}, 1f, shape, m)
          .toFloatArray();
      assertThat(input).hasSize(2 * (2 * per + cells));
      assertThat(java.util.Arrays.copyOfRange(input, per, per + cells)).containsExactly(region);
      int second = 2 * per + cells;
      for (int k = 0; k < cells; k++) {
        assertThat(input[second + per + k]).as("a whole-picture example's region").isEqualTo(1f);
      }
      ClipVisionModel encoder = ClipVisionModel.initialise(SIZES.encoderConfig(), 4, m);
      IpAdapter adapter = IpAdapter.initialise(model.unet(), SIZES.projection(), SIZES.tokens(), 5, m);
      TrainingRun run = TrainingRun.of(2, 3, 7, Optional.empty(), 1);
      assertThatThrownBy(() -> AdapterTraining.train(model, encoder, adapter, examples, latents, Optional.empty(),
          schedule, false, run, AdapterTraining.Settings.standard(), LOSSES, m, ProgressListener.NONE,
          TrainingListener.NONE, Cancellation.never()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inpainting UNet")
          .hasMessageContaining("AdapterConditions.encode");
      Map<String, Double> last = AdapterTraining.train(model, encoder, adapter, examples, latents,
          Optional.of(conditions), schedule, false, run, AdapterTraining.Settings.standard(), LOSSES, m,
          ProgressListener.NONE, TrainingListener.NONE, Cancellation.never());
      assertThat(last.get("adapter/reconstruction")).isFinite();
      double[] error = AdapterTraining.regionError(model, encoder, adapter, examples, latents, Optional.of(conditions),
          schedule, false, m);
      assertThat(error[0]).isPositive().isFinite();
      DiffusionModel plainModel = DiffusionModel.load(plain, m);
      IpAdapter plainAdapter = IpAdapter.initialise(plainModel.unet(), SIZES.projection(), SIZES.tokens(), 5, m);
      assertThatThrownBy(() -> AdapterTraining.regionError(plainModel, encoder, plainAdapter, examples, latents,
          Optional.of(conditions), schedule, false, m))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an inpainting UNet's");
    }
  }

  private Map<String, float[]> resumedRun(Path model, Path checkpoints) {
    adapterRun(model, checkpoints, 2);
    return adapterRun(model, checkpoints, 4);
  }

  private static boolean same(Map<String, float[]> a, Map<String, float[]> b) {
    return a.keySet().equals(b.keySet())
        && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
  }

  @Test
  void aPlusAdapterTrainsItsResamplerOnPatchFeaturesAndIsSavedInThePublishedPlusLayout() {
    Path modelFolder = TinyModelFolder.assemble(dir.resolve("model"));
    AdapterExamples examples = AdapterExamples.make(SCENES, 6, 500, 9000, SIZES.processor());
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(modelFolder, m);
      LatentSet latents = LatentSet.encode(model.vae().orElseThrow(), FigureWorldImages.render(SCENES, 6, 500), 3, m);
      ClipVisionModel encoder = ClipVisionModel.initialise(SIZES.encoderConfig(), 4, m);
      assertThatThrownBy(() -> IpAdapter.initialisePlus(model.unet(), SIZES.hidden(), 96, 3, 1, 5, m))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number of 64-wide heads");
      IpAdapter plus = IpAdapter.initialisePlus(model.unet(), SIZES.hidden(), 64, 3, 1, 5, m);
      assertThat(plus.readsPatchFeatures()).isTrue();
      assertThat(plus.tokens()).isEqualTo(3);
      float[] queriesBefore = plus.namedParameters().get("image_proj.latents").toFloatArray();
      String value = plus.namedParameters().keySet().stream().filter(k -> k.endsWith("to_v_ip.weight")).findFirst()
          .orElseThrow();
      assertThat(plus.namedParameters().get(value).toFloatArray()).as("a fresh adapter adds nothing").containsOnly(0f);

      Map<String, Double> last = AdapterTraining.train(model, encoder, plus, examples, latents, Optional.empty(),
          DefaultModelConfig.standard().alphasCumprod(), false, TrainingRun.of(4, 3, 7, Optional.empty(), 1),
          AdapterTraining.Settings.standard(), LOSSES, m, ProgressListener.NONE, TrainingListener.NONE,
          Cancellation.never());

      assertThat(last.get("adapter/reconstruction")).isPositive().isFinite();
      assertThat(plus.namedParameters().get("image_proj.latents").toFloatArray()).isNotEqualTo(queriesBefore);
      float[] learned = plus.namedParameters().get(value).toFloatArray();
      assertThat(learned).as("the image values learned").isNotEqualTo(new float[learned.length]);
      double[] error = AdapterTraining.regionError(model, encoder, plus, examples, latents, Optional.empty(),
          DefaultModelConfig.standard().alphasCumprod(), false, m);
      assertThat(error[0]).isPositive().isFinite().isNotEqualTo(error[1]);

      Path file = dir.resolve("ip-adapter-plus.safetensors");
      plus.save(file);
      IpAdapter loaded = IpAdapter.load(file, model.unet(), m);
      NDArray features = encoder.forward(examples.crops(new int[] {0, 1}, SIZES.imageSize(), m))
          .penultimateHiddenState();
      assertThat(loaded.readsPatchFeatures()).isTrue();
      assertThat(loaded.project(features).toFloatArray()).containsExactly(plus.project(features).toFloatArray());
    }
  }

  private Map<String, float[]> adapterRun(Path modelFolder, Path checkpoints, int steps) {
    AdapterExamples examples = AdapterExamples.make(SCENES, 6, 500, 9000, SIZES.processor());
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(modelFolder, m);
      float[] unetBefore = model.unet().namedParameters().get("conv_in.weight").toFloatArray();
      LatentSet latents = LatentSet.encode(model.vae().orElseThrow(), FigureWorldImages.render(SCENES, 6, 500), 3, m);
      ClipVisionModel encoder = ClipVisionModel.initialise(SIZES.encoderConfig(), 4, m);
      float[] encoderBefore = encoder.namedParameters().get("visual_projection.weight").toFloatArray();
      IpAdapter adapter = IpAdapter.initialise(model.unet(), SIZES.projection(), SIZES.tokens(), 5, m);
      float[] adapterBefore = adapter.namedParameters().get("image_proj.proj.weight").toFloatArray();
      Map<String, Double> last = AdapterTraining.train(model, encoder, adapter, examples, latents, Optional.empty(),
          DefaultModelConfig.standard().alphasCumprod(), false, TrainingRun.of(steps, 3, 7, Optional.of(checkpoints),
              1), AdapterTraining.Settings.standard(), LOSSES, m, ProgressListener.NONE, TrainingListener.NONE,
          Cancellation.never());
      assertThat(last).containsKey("adapter/reconstruction");
      assertThat(model.unet().namedParameters().get("conv_in.weight").toFloatArray()).containsExactly(unetBefore);
      assertThat(encoder.namedParameters().get("visual_projection.weight").toFloatArray())
          .containsExactly(encoderBefore);
      assertThat(adapter.namedParameters().get("image_proj.proj.weight").toFloatArray()).isNotEqualTo(adapterBefore);
      double[] error = AdapterTraining.regionError(model, encoder, adapter, examples, latents, Optional.empty(),
          DefaultModelConfig.standard().alphasCumprod(), false, m);
      assertThat(error[0]).isPositive().isFinite().isNotEqualTo(error[1]);
      assertThat(error[1]).isPositive().isFinite();
      Map<String, float[]> out = new LinkedHashMap<>();
      adapter.namedParameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
      return out;
    }
  }
}
