package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subjects read by a model's image adapter: {@code branch.appearance.source=adapter}, on the tiny golden model. */
class ImageAdapterEditTest {

  @TempDir static Path dir;
  private static Path withAdapter;
  private static Path without;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;

  @BeforeAll
  static void setUp() {
    withAdapter = TinyModelFolder.assembleWithAdapter(dir.resolve("with"), 3);
    without = TinyModelFolder.assemble(dir.resolve("without"));
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
  void autoReadsTheSubjectWithTheAdapterWhereTheModelHasOneAndNoReader() {
    EditResult result = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).run(runtime);
    assertThat(result.record()).containsEntry("branch.appearance.source", "adapter");
    assertThat(result.record().get("branch.appearance.<blue-thing>.source")).startsWith("image adapter, 1 pictures");
  }

  @Test
  void thePicturesChangeTheEditInsideTheRegionOnlyAndScaleZeroIgnoresThem() {
    Subject red = Subject.of("<blue-thing>", Picture.filled(16, 16, 0xE02020));
    int[] a = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option("branch.appearance.source", "adapter").run(runtime).picture()
        .rgbPixels();
    int[] b = TinyEdits.boxEdit(withAdapter, red).option("branch.appearance.source", "adapter").run(runtime).picture().rgbPixels();
    int[] again = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option("branch.appearance.source", "adapter").run(runtime).picture()
        .rgbPixels();
    assertThat(again).as("same inputs, same picture").containsExactly(a);
    assertThat(TinyEdits.differingInsideTheBoxOnly(a, b)).as("pixels inside the region that the subject's picture "
        + "changed").isPositive();
    int[] zeroA = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option("branch.appearance.source", "adapter")
        .option("branch.appearance.adapter-scale", 0).run(runtime).picture().rgbPixels();
    int[] zeroB = TinyEdits.boxEdit(withAdapter, red).option("branch.appearance.source", "adapter")
        .option("branch.appearance.adapter-scale", 0).run(runtime).picture().rgbPixels();
    assertThat(zeroB).as("with scale 0 the pictures do not matter").containsExactly(zeroA);
  }

  @Test
  void askingForTheAdapterOnAModelWithoutOneNamesTheFix() {
    assertThatThrownBy(() -> TinyEdits.boxEdit(without, TinyEdits.blue()).option("branch.appearance.source", "adapter").run(runtime))
        .hasMessageContaining("source=adapter needs a model with an image adapter")
        .hasMessageContaining("image_encoder/ and ip_adapter/");
  }

  @Test
  void aNegativeScaleIsRefused() {
    assertThatThrownBy(() -> TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option("branch.appearance.source", "adapter")
        .option("branch.appearance.adapter-scale", -1).run(runtime))
        .hasMessageContaining("adapter-scale must be 0 or more");
  }
}
