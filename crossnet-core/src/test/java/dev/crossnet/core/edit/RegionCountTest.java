package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several instances of a subject in one region: columns, each drawn afresh by an edit of its own. */
class RegionCountTest {

  private static final Picture BEDROCK = Picture.filled(16, 8, 0x000000);

  @TempDir static Path dir;
  private static Path model;
  private static Path inpainting;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;

  @BeforeAll
  static void setUp() {
    model = TinyModelFolder.assemble(dir.resolve("model"));
    inpainting = TinyModelFolder.assembleInpainting(dir.resolve("inpainting"), 0.05f);
    cache = new ModelCache();
    runtime = new DiffusionEditRuntime(cache);
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  private static Subject subject(String word) {
    return Subject.of(word, Picture.filled(4, 4, 0xFF0000));
  }

  @Test
  void aRegionSplitsIntoColumnsOfEqualWidthEachTheRegionsPartInIt() {
    List<Mask> columns = RegionMasks.columns(Region.box(1, 2, 13, 4), 3, 16, 8);
    assertThat(columns).extracting(c -> c.bounds().orElseThrow())
        .containsExactly(new Box(1, 2, 4, 4), new Box(5, 2, 4, 4), new Box(9, 2, 5, 4));
    boolean[] inside = new boolean[16 * 8];
    for (int y = 2; y < 8; y++) {
      for (int x = 2; x < 14; x++) {
        inside[y * 16 + x] = x < 6 || y > 5;
      }
    }
    List<Mask> ofAnL = RegionMasks.columns(Region.mask(Mask.of(16, 8, inside)), 2, 16, 8);
    assertThat(ofAnL.get(0).bounds().orElseThrow()).isEqualTo(new Box(2, 2, 6, 6));
    assertThat(ofAnL.get(1).bounds().orElseThrow()).as("only the region's own pixels").isEqualTo(new Box(8, 6, 6, 2));
    assertThat(ofAnL.get(0).coverage() + ofAnL.get(1).coverage()).as("the columns cover the region exactly")
        .isEqualTo(Mask.of(16, 8, inside).coverage(), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void aRegionTooNarrowOrWithAnEmptyColumnIsRefusedSayingWhatToDo() {
    assertThatThrownBy(() -> RegionMasks.columns(Region.box(0, 0, 11, 4), 3, 16, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 pixels wide")
        .hasMessageContaining("at least 12").hasMessageContaining("widen the region or ask for fewer");
    boolean[] twoBlobs = new boolean[16 * 8];
    for (int x : new int[] {0, 1, 2, 13, 14, 15}) {
      twoBlobs[16 + x] = true;
    }
    assertThatThrownBy(() -> RegionMasks.columns(Region.mask(Mask.of(16, 8, twoBlobs)), 3, 16, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 2 of 3")
        .hasMessageContaining("holds none of the region");
  }

  @Test
  void eachColumnIsEditedAfreshOnTheResultBeforeAndCountOneKeepsItsOwnEdit() {
    EditSettings settings = EditSettings.defaults().withPrompt("<dog> and <cat> in a park");
    Replacement dogs = new Replacement(Region.box(0, 0, 12, 8), subject("<dog>"), 3);
    Replacement cat = new Replacement(Region.box(12, 0, 4, 8), subject("<cat>"));
    List<EditRequest> calls = new ArrayList<>();
    EditResult result = RegionCount.run(new EditRequest(BEDROCK, List.of(dogs, cat), settings, 4), one -> {
      calls.add(one);
      int[] px = one.bedrock().rgbPixels();
      Box box = one.replacements().get(0).region().toMask(16, 8).bounds().orElseThrow();
      px[box.x()] = 0xFFFFFF;
      return new EditResult(Picture.ofRgb(16, 8, px), one.seed(), Map.of("sample", Duration.ofSeconds(1)),
          Map.of("prompt", one.settings().prompt()));
    });
    assertThat(calls).hasSize(4);
    assertThat(calls).extracting(c -> c.replacements().get(0).region().toMask(16, 8).bounds().orElseThrow())
        .containsExactly(new Box(0, 0, 4, 8), new Box(4, 0, 4, 8), new Box(8, 0, 4, 8), new Box(12, 0, 4, 8));
    assertThat(calls).extracting(c -> c.replacements().get(0).subject().word())
        .containsExactly("<dog>", "<dog>", "<dog>", "<cat>");
    assertThat(calls).allSatisfy(c -> assertThat(c.replacements().get(0).count()).isEqualTo(1));
    for (int k = 0; k < 3; k++) {
      EditSettings column = calls.get(k).settings();
      assertThat(column.options().getBoolean("branch.motion", true)).as("column %d draws afresh", k).isFalse();
      assertThat(column.strength()).hasValue(1.0);
      assertThat(column.prompt()).isEqualTo("<dog> in a park");
    }
    EditSettings single = calls.get(3).settings();
    assertThat(single.options().getBoolean("branch.motion", true)).isTrue();
    assertThat(single.strength()).as("the model's own strength, as in any edit").isEmpty();
    assertThat(single.prompt()).isEqualTo("<cat> in a park");
    assertThat(calls.get(2).bedrock().rgb(4, 0) & 0xFFFFFF).as("each column starts from the one before's result")
        .isEqualTo(0xFFFFFF);
    assertThat(result.record()).containsEntry("count", "3,1").containsEntry("part-3.prompt", "<cat> in a park");
    assertThat(result.timings()).containsEntry("sample", Duration.ofSeconds(4));
  }

  @Test
  void aNamedStrengthIsKeptForTheColumns() {
    List<EditRequest> calls = new ArrayList<>();
    RegionCount.run(new EditRequest(BEDROCK, List.of(new Replacement(Region.box(0, 0, 16, 8), subject("<dog>"), 2)),
        EditSettings.defaults().withStrength(0.7), 1), one -> {
          calls.add(one);
          return new EditResult(one.bedrock(), one.seed(), Map.of(), Map.of());
        });
    assertThat(calls).extracting(c -> c.settings().strength().getAsDouble()).containsExactly(0.7, 0.7);
  }

  @Test
  void aCountedEditOnAModelChangesOnlyTheRegionAndIsDeterministic() {
    var edit = Editor.bedrock(TinyEdits.bedrock()).replace(Region.box(4, 8, 24, 12)).with(TinyEdits.blue(), 2)
        .model(model).steps(3).guidanceScale(3).seed(5);
    EditResult result = edit.run(runtime);
    assertThat(result.record()).containsEntry("count", "2").containsEntry("part-0.strength", "1.0")
        .containsKey("part-1.strength");
    int[] after = result.picture().rgbPixels();
    assertThat(changedInsideOnly(result.picture(), new Box(4, 8, 24, 12))).isGreaterThan(24 * 12 / 2);
    long open = cache.openArrays();
    assertThat(edit.run(runtime).picture().rgbPixels()).as("same inputs and seed, same picture")
        .containsExactly(after);
    assertThat(cache.openArrays()).as("no arrays left open by a counted edit").isEqualTo(open);
  }

  @Test
  void onAnInpaintingUnetEachColumnIsItsOwnMaskedEditAndTheOutsideStaysTheBedrocks() {
    EditResult result = Editor.bedrock(TinyEdits.bedrock()).replace(Region.box(2, 8, 27, 12))
        .with(TinyEdits.blue(), 3).model(inpainting).steps(3).guidanceScale(3).seed(5).run(runtime);
    assertThat(result.record()).containsEntry("count", "3");
    for (int k = 0; k < 3; k++) {
      assertThat(result.record()).as("column %d", k).containsEntry("part-" + k + ".strength", "1.0")
          .containsEntry("part-" + k + ".strength.from", "settings");
    }
    assertThat(result.record()).doesNotContainKey("part-3.strength");
    assertThat(changedInsideOnly(result.picture(), new Box(2, 8, 27, 12))).isPositive();
  }

  /** The pixels of {@code edited} that differ from the tiny bedrock inside {@code box}, none allowed outside it. */
  private static int changedInsideOnly(Picture edited, Box box) {
    int[] before = TinyEdits.bedrock().rgbPixels();
    int[] after = edited.rgbPixels();
    int changed = 0;
    for (int y = 0; y < TinyEdits.SIZE; y++) {
      for (int x = 0; x < TinyEdits.SIZE; x++) {
        int i = y * TinyEdits.SIZE + x;
        boolean inside = x >= box.x() && x < box.x() + box.width() && y >= box.y() && y < box.y() + box.height();
        if (!inside) {
          assertThat(after[i]).as("pixel (%d, %d) outside the region", x, y).isEqualTo(before[i]);
        } else if (after[i] != before[i]) {
          changed++;
        }
      }
    }
    return changed;
  }

  @Test
  void theApiRefusesACountOutOfRangeNamingTheLimits() {
    assertThatThrownBy(() -> Editor.bedrock(BEDROCK).replace(Region.box(0, 0, 8, 8)).with(subject("<dog>"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is 0")
        .hasMessageContaining("1 to " + Replacement.MAX_COUNT);
  }
}
