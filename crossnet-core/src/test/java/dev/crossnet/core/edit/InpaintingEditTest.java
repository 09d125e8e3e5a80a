package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.schedule.ModelSchedule;
import dev.crossnet.core.schedule.ModelScheduleTest;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits and text to image on inpainting UNets (mask and blanked bedrock fed at every step), on the tiny model. */
class InpaintingEditTest {

  @TempDir static Path dir;
  private static Path plain;
  private static Path widened;
  private static Path reading;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;

  @BeforeAll
  static void setUp() {
    plain = TinyModelFolder.assemble(dir.resolve("plain"));
    widened = TinyModelFolder.assembleInpainting(dir.resolve("widened"), 0f);
    reading = TinyModelFolder.assembleInpainting(dir.resolve("reading"), 0.05f);
    cache = new ModelCache();
    runtime = new DiffusionEditRuntime(cache);
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  private static EditResult edit(Path model) {
    return Editor.bedrock(TinyEdits.bedrock())
        .replace(Region.box(8, 8, 12, 12))
        .with(TinyEdits.redThing())
        .model(model)
        .steps(3)
        .strength(1.0)
        .guidanceScale(3)
        .seed(5)
        .option("branch.motion", false)
        .run(runtime);
  }

  @Test
  void ilvrHoldsTheRegionForFewerStepsWithAnInpaintingUnetUnlessTold() {
    EditResult inpainting = withMotion(reading).run(runtime);
    EditResult text = withMotion(plain).run(runtime);
    EditResult told = withMotion(reading).option("branch.motion.ilvr-until", 0.6).run(runtime);

    assertThat(inpainting.record()).containsEntry("branch.motion.ilvr-until", "0.3");
    assertThat(text.record()).containsEntry("branch.motion.ilvr-until", "0.6");
    assertThat(told.record()).containsEntry("branch.motion.ilvr-until", "0.6");
    assertThat(told.picture()).as("the span changes the picture").isNotEqualTo(inpainting.picture());
  }

  @Test
  void anEditWithoutAStrengthStartsFromTheModelsOwnOneOnAnInpaintingUnetAndTheTextOne() {
    EditResult inpainting = withMotion(reading).run(runtime);
    EditResult text = withMotion(plain).run(runtime);
    EditResult told = withMotion(reading).strength(0.5).run(runtime);

    assertThat(inpainting.record()).containsEntry("strength", "1.0")
        .containsEntry("strength.from", "inpainting UNet");
    assertThat(text.record()).containsEntry("strength", "0.8")
        .containsEntry("strength.from", "text-to-image UNet");
    assertThat(told.record()).containsEntry("strength", "0.5").containsEntry("strength.from", "settings");
    assertThat(told.record().get("start-index")).as("a later start than the model's own")
        .isNotEqualTo(inpainting.record().get("start-index"));
  }

  @Test
  void aTextUnetWhoseModelShipsAScheduleTakesItsStrengthAndSpanFromIt() throws Exception {
    Path scheduled = TinyModelFolder.assemble(dir.resolve("scheduled"));
    ModelSchedule.write(scheduled, ModelScheduleTest.sample(), "a test");

    EditResult own = withMotion(scheduled).run(runtime);
    EditResult told = withMotion(scheduled).strength(0.8).run(runtime);
    EditResult span = withMotion(scheduled).option("branch.motion.ilvr-until", 0.7).run(runtime);

    assertThat(own.record()).containsEntry("strength", "0.6").containsEntry("strength.from", "feature-loss schedule");
    assertThat(Double.parseDouble(own.record().get("branch.motion.ilvr-until"))).as("(0.6 - 0.4) / 0.6")
        .isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(told.record()).containsEntry("strength", "0.8").containsEntry("strength.from", "settings");
    assertThat(told.record()).as("a named strength keeps the span it had before schedules")
        .containsEntry("branch.motion.ilvr-until", "0.6");
    assertThat(span.record()).containsEntry("strength", "0.6").containsEntry("branch.motion.ilvr-until", "0.7");
    assertThat(withMotion(plain).run(runtime).record()).as("no schedule shipped")
        .containsEntry("strength.from", "text-to-image UNet");
  }

  private static dev.crossnet.api.edit.ReadyEdit withMotion(Path model) {
    return Editor.bedrock(TinyEdits.bedrock()).replace(Region.box(8, 8, 12, 12)).with(TinyEdits.redThing())
        .model(model).steps(4).guidanceScale(3).seed(5);
  }

  @Test
  void aWidenedUnetWhoseConditionWeightsAreZeroEditsExactlyAsThePlainOne() {
    EditResult p = edit(plain);
    EditResult w = edit(widened);
    assertThat(w.record()).containsEntry("inpainting", "true");
    assertThat(p.record()).doesNotContainKey("inpainting");
    assertThat(w.picture().rgbPixels()).containsExactly(p.picture().rgbPixels());
  }

  @Test
  void anInpaintingUnetReadsTheConditionAndChangesTheRegionOnlyTheSameWayEveryTime() {
    int[] p = edit(plain).picture().rgbPixels();
    int[] r = edit(reading).picture().rgbPixels();
    assertThat(edit(reading).picture().rgbPixels()).as("same inputs, same picture").containsExactly(r);
    int[] bedrock = TinyEdits.bedrock().rgbPixels();
    int changedInside = 0;
    for (int y = 0; y < TinyEdits.SIZE; y++) {
      for (int x = 0; x < TinyEdits.SIZE; x++) {
        int i = y * TinyEdits.SIZE + x;
        if (x >= 8 && x < 20 && y >= 8 && y < 20) {
          changedInside += r[i] != p[i] ? 1 : 0;
        } else {
          assertThat(r[i]).as("pixel %d,%d outside the region", x, y).isEqualTo(bedrock[i]);
        }
      }
    }
    assertThat(changedInside).as("pixels inside that the condition changed").isGreaterThan(20);
  }

  @Test
  void textToImageOnAnInpaintingUnetDrawsTheWholePictureAsItsRegion() {
    TextToImageRequest request = TextToImageRequest.of("a red robot").withSize(32, 32).withSampler("ddim", 3)
        .withSeed(4);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      int[] p = TextToImage.of(DiffusionModel.load(plain, m)).generate(request, m).rgbPixels();
      int[] w = TextToImage.of(DiffusionModel.load(widened, m)).generate(request, m).rgbPixels();
      TextToImage reads = TextToImage.of(DiffusionModel.load(reading, m));
      int[] r = reads.generate(request, m).rgbPixels();
      assertThat(w).containsExactly(p);
      assertThat(r).isNotEqualTo(p);
      assertThat(reads.generate(request, m).rgbPixels()).containsExactly(r);
    }
  }
}
