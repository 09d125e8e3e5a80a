package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageWords;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subjects read through a model's image words: {@code branch.appearance.source=image-words}, on the tiny model. */
class ImageWordsEditTest {

  @TempDir static Path dir;
  private static Path withWords;
  private static Path adapterOnly;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;

  @BeforeAll
  static void setUp() {
    withWords = TinyModelFolder.assembleWithAdapter(dir.resolve("with"), 3);
    adapterOnly = TinyModelFolder.assembleWithAdapter(dir.resolve("adapter-only"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(withWords, m);
      ImageWords.initialise(new ImageWords.Config(model.imageAdapter().orElseThrow().encoder().config()
          .projectionDim(), 16, 3, Math.toIntExact(model.textEncoder().tokenEmbeddings().getShape().get(1)), "a"),
          5, m).save(withWords);
    }
    cache = new ModelCache();
    runtime = new DiffusionEditRuntime(cache);
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  @Test
  void thePicturesBecomeWordRowsThatChangeTheRegionOnlyDeterministically() {
    Subject red = Subject.of("<blue-thing>", Picture.filled(16, 16, 0xE02020));
    EditResult blueResult = TinyEdits.boxEdit(withWords, TinyEdits.blue())
        .option("branch.appearance.source", "image-words").run(runtime);
    assertThat(blueResult.record()).containsEntry("branch.appearance.source", "image-words");
    assertThat(blueResult.record().get("branch.appearance.<blue-thing>.source")).isEqualTo("image words, 1 pictures");
    assertThat(blueResult.record().get("branch.appearance.<blue-thing>.encoding"))
        .startsWith("image words, 1 pictures, ");
    int[] a = blueResult.picture().rgbPixels();
    int[] b = TinyEdits.boxEdit(withWords, red).option("branch.appearance.source", "image-words").run(runtime)
        .picture().rgbPixels();
    int[] again = TinyEdits.boxEdit(withWords, TinyEdits.blue()).option("branch.appearance.source", "image-words")
        .run(runtime).picture().rgbPixels();
    assertThat(again).as("same inputs, same picture").containsExactly(a);
    assertThat(TinyEdits.differingInsideTheBoxOnly(a, b)).as("pixels inside the region that the subject's picture "
        + "changed").isPositive();
  }

  @Test
  void autoTakesImageWordsAndTheAdapterAtHalfScaleWhereTheModelHasBothAndNoReader() {
    EditResult result = TinyEdits.boxEdit(withWords, TinyEdits.blue()).run(runtime);
    assertThat(result.record()).containsEntry("branch.appearance.source", "image-words-and-adapter");
    assertThat(result.record().get("branch.appearance.<blue-thing>.source"))
        .isEqualTo("image words, 1 pictures; image adapter, 1 pictures, scale 0.5");
    EditResult named = TinyEdits.boxEdit(withWords, TinyEdits.blue())
        .option("branch.appearance.adapter-scale", 1).run(runtime);
    assertThat(named.record().get("branch.appearance.<blue-thing>.source")).endsWith("scale 1.0");
    assertThat(named.picture().rgbPixels()).as("the named scale is used").isNotEqualTo(result.picture().rgbPixels());
  }

  @Test
  void askingForImageWordsOnAModelWithoutThemNamesTheFix() {
    assertThatThrownBy(() -> TinyEdits.boxEdit(adapterOnly, TinyEdits.blue())
        .option("branch.appearance.source", "image-words").run(runtime))
        .hasMessageContaining("source=image-words needs a model with an image encoder and image words")
        .hasMessageContaining("has no image words")
        .hasMessageContaining("TrainImageWords");
  }
}
