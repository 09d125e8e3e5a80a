package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.DiffusionEditRuntime;
import dev.crossnet.core.edit.ModelCache;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in inpainting model ({@link DefaultModel#MAIN_SUBJECT_INPAINTING}): its own UNet, every other file shared
 * with figureworld-v2 in the jar and copied out whole, and an edit on it feeds the UNet its condition.
 */
class ShippedInpaintingModelTest {

  @TempDir Path cache;

  @Test
  void itIsFigureworldV2WithAnInpaintingUnetCopiedOutAsAWholeDiffusersFolder() throws Exception {
    assertThat(DefaultModel.isBundled(DefaultModel.MAIN_SUBJECT_INPAINTING)).isTrue();
    Path inpainting = DefaultModel.folder(DefaultModel.MAIN_SUBJECT_INPAINTING, cache);
    Path v2 = DefaultModel.folder(DefaultModel.MAIN_SUBJECT, cache);
    assertThat(inpainting).isNotEqualTo(v2);
    for (String shared : List.of("vae/diffusion_pytorch_model.safetensors", "text_encoder/model.safetensors",
        "tokenizer/vocab.json", "scheduler/scheduler_config.json", "judge/judge.safetensors")) {
      assertThat(Files.readAllBytes(inpainting.resolve(shared))).as(shared)
          .isEqualTo(Files.readAllBytes(v2.resolve(shared)));
    }
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(inpainting, m);
      assertThat(InpaintingUnets.isInpainting(model.unet().config())).isTrue();
      assertThat(model.unet().config().inChannels()).isEqualTo(9);
      assertThat(model.imageAdapter()).as("its image adapter").isPresent();
      assertThat(model.imageAdapter().orElseThrow().adapter().embedDim())
          .isEqualTo(model.imageAdapter().orElseThrow().encoder().config().projectionDim());
      assertThat(model.imageWords()).as("its image words").isPresent();
    }
  }

  @Test
  void anEditThroughItsImageWordsAndAdapterWithNoReaderKeepsEveryPixelOutsideTheRegion() {
    EditResult result = editFigureZeroLikeOne(12, "none");
    assertThat(result.record()).containsEntry("branch.appearance.source", "image-words-and-adapter");
  }

  @Test
  void anEditOnItKeepsEveryPixelOutsideTheRegion() {
    EditResult result = editFigureZeroLikeOne(11, "auto");
    assertThat(result.record()).containsEntry("inpainting", "true");
  }

  /**
   * Gives figure 0 of a held-out scene figure 1's look on the shipped model, with the edit option {@code reader},
   * and checks that the result changed the region and kept every pixel outside it.
   */
  private EditResult editFigureZeroLikeOne(long seed, String reader) {
    Scene scene = new SceneGenerator(SceneOptions.mainSubject().withFigures(2, 2).withSplit(Split.HELD_OUT))
        .generate(seed);
    IdealEdit ideal = scene.idealEditLike(0, 1);
    FigureTruth donor = scene.figures().get(1);
    try (ModelCache models = new ModelCache()) {
      EditResult result = Editor.bedrock(scene.picture())
          .replace(Region.mask(ideal.region()))
          .with(Subject.of("<it>", scene.picture()).withMasks(donor.mask()))
          .model(DefaultModel.folder(DefaultModel.MAIN_SUBJECT_INPAINTING, cache))
          .option("reader", reader)
          .steps(4)
          .seed(2)
          .run(new DiffusionEditRuntime(models));
      int[] out = result.picture().rgbPixels();
      int[] bedrock = scene.picture().rgbPixels();
      float[] region = ideal.region().weights();
      for (int i = 0; i < out.length; i++) {
        if (region[i] == 0) {
          assertThat(out[i]).as("pixel %d outside the region", i).isEqualTo(bedrock[i]);
        }
      }
      assertThat(out).isNotEqualTo(bedrock);
      return result;
    }
  }

  @Test
  void aSubjectOfAnotherSkeletonStartsFromFreshNoiseWithoutIlvrOnThisModelByDefault() {
    SceneGenerator world = new SceneGenerator(SceneOptions.mainSubject().withFigures(2, 2).withSplit(Split.HELD_OUT));
    Scene scene = java.util.stream.LongStream.range(1, 200).mapToObj(world::generate)
        .filter(s -> !s.figures().get(0).figure().kind().sharesSkeleton(s.figures().get(1).figure().kind()))
        .findFirst().orElseThrow();
    IdealEdit ideal = scene.idealEditLike(0, 1);
    try (ModelCache models = new ModelCache()) {
      EditResult result = Editor.bedrock(scene.picture())
          .replace(Region.mask(ideal.region()))
          .with(Subject.of("<it>", scene.picture()).withMasks(scene.figures().get(1).mask()))
          .model(DefaultModel.folder(DefaultModel.MAIN_SUBJECT_INPAINTING, cache))
          .steps(4)
          .seed(2)
          .run(new DiffusionEditRuntime(models));
      assertThat(result.record().get("branch.motion.body.<it>")).endsWith("unlike skeletons");
      assertThat(result.record())
          .containsEntry("branch.motion.unlike-start", "noise")
          .containsEntry("branch.motion.unlike-ilvr-until", "0.0");
    }
  }
}
