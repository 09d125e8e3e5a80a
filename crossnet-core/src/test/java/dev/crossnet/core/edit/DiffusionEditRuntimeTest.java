package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.runtime.Runtimes;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.reading.ModelJudge;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.testing.OpenResources;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runtime end to end on the tiny golden model. */
class DiffusionEditRuntimeTest {

  @TempDir static Path dir;
  private static Path model;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;
  private static Path embedding;
  private static EditResult full;

  @BeforeAll
  static void setUp() {
    model = TinyModelFolder.assemble(dir.resolve("model"));
    cache = new ModelCache();
    runtime = new DiffusionEditRuntime(cache);
    embedding = TinyEdits.embedding(cache, model, dir);
    full = TinyEdits.edit(model, embedding).run(runtime);
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  @Test
  void byDefaultEveryPixelOutsideTheRegionIsTheBedrocksOwn() {
    EditResult result = TinyEdits.edit(model, embedding).option("branch.region.feather", 2).steps(2).run(runtime);
    Picture in = TinyEdits.bedrock();
    Picture out = result.picture();
    int changedInside = 0;
    for (int y = 0; y < TinyEdits.SIZE; y++) {
      for (int x = 0; x < TinyEdits.SIZE; x++) {
        boolean inside = x >= 8 && x < 20 && y >= 8 && y < 20;
        if (!inside) {
          assertThat(out.rgb(x, y)).as("pixel %d,%d outside the box", x, y).isEqualTo(in.rgb(x, y));
        } else if (out.rgb(x, y) != in.rgb(x, y)) {
          changedInside++;
        }
      }
    }
    assertThat(changedInside).isGreaterThan(0);
    assertThat(result.record()).containsEntry("branch.region.seam", "inside");
  }

  @Test
  void aSeamOfUnknownPlaceIsRefusedBeforeAnyModelWork() {
    assertThatThrownBy(() -> TinyEdits.edit(model, embedding).option("branch.region.seam", "middle").run(runtime))
        .hasMessageContaining("branch.region.seam is 'middle'").hasMessageContaining("use inside");
  }

  @Test
  void withTheSeamOutsideNothingChangesBeyondTheFeather() {
    EditResult result = TinyEdits.edit(model, embedding).option("branch.region.feather", 2)
        .option("branch.region.seam", "outside").steps(2).run(runtime);
    Picture in = TinyEdits.bedrock();
    Picture out = result.picture();
    int changedOutside = 0;
    int changedInside = 0;
    int changedInTheFeather = 0;
    for (int y = 0; y < TinyEdits.SIZE; y++) {
      for (int x = 0; x < TinyEdits.SIZE; x++) {
        // box 8..19, feather radius 2 applied twice reaches 4 pixels out
        boolean beyondFeather = x < 4 || x > 23 || y < 4 || y > 23;
        boolean inside = x >= 8 && x < 20 && y >= 8 && y < 20;
        if (beyondFeather && out.rgb(x, y) != in.rgb(x, y)) {
          changedOutside++;
        }
        if (!inside && !beyondFeather && out.rgb(x, y) != in.rgb(x, y)) {
          changedInTheFeather++;
        }
        if (inside && out.rgb(x, y) != in.rgb(x, y)) {
          changedInside++;
        }
      }
    }
    assertThat(changedInTheFeather).as("the fade reaches beyond the box").isGreaterThan(0);
    assertThat(changedOutside).isZero();
    assertThat(changedInside).isGreaterThan(0);
  }

  @Test
  void theSameRequestAndSeedGiveTheSamePicture() {
    Picture a = full.picture();
    Picture b = TinyEdits.edit(model, embedding).run(runtime).picture();
    Picture c = TinyEdits.edit(model, embedding).seed(12).run(runtime).picture();
    assertThat(a.rgbPixels()).containsExactly(b.rgbPixels());
    assertThat(a.rgbPixels()).isNotEqualTo(c.rgbPixels());
  }

  @ParameterizedTest
  @ValueSource(strings = {"appearance", "motion", "region", "subject-attention"})
  void eachBranchSwitchesOffByOption(String branch) {
    EditResult without = TinyEdits.edit(model, embedding).option("branch." + branch, false).run(runtime);
    assertThat(without.record().get("branches.off")).contains(branch);
    assertThat(without.record().get("branches")).doesNotContain(branch);
    assertThat(without.picture().rgbPixels()).isNotEqualTo(full.picture().rgbPixels());
  }

  @Test
  void onANamedModelThePoseIsNotReadByDefaultAndReadingItNeedsAReaderAndItsWords() {
    assertThat(full.record()).containsEntry("branch.motion.pose", "not read (auto)")
        .containsEntry("reader", "none");
    assertThatThrownBy(() -> TinyEdits.edit(model, embedding).prompt("a photo of <red-thing>")
        .option("branch.motion.pose", "judge").run(runtime))
        .hasMessageContaining("needs a reader").hasMessageContaining("reader=<name>");
    assertThatThrownBy(() -> TinyEdits.edit(model, embedding).prompt("a photo of <red-thing>")
        .option("reader", "figureworld").option("branch.motion.pose", "read").run(runtime))
        .hasMessageContaining("vocabulary lacks").hasMessageContaining("use branch.motion.pose=none");
  }

  @Test
  void theResultRecordsTimingsPerPhaseAndTheChoicesMade() {
    assertThat(full.timings()).containsKeys("load", "encode", "branch:appearance", "branch:motion", "sample",
        "decode", "composite");
    assertThat(full.seed()).isEqualTo(11);
    assertThat(full.record()).containsEntry("sampler", "ddim").containsEntry("steps", "4")
        .containsEntry("branch.appearance.<red-thing>.source", embedding.toString())
        .containsEntry("branch.motion.mode", "inversion")
        .containsKey("branch.region.feather");
  }

  @Test
  void aSubjectGivenByPicturesIsLearnedAndRecorded() {
    EditResult result = dev.crossnet.api.edit.Editor.bedrock(TinyEdits.bedrock())
        .replace(Region.box(8, 8, 12, 12)).with(TinyEdits.redThing())
        .model(model).steps(2).guidanceScale(1).seed(1).option("branch.appearance.steps", 1).run(runtime);
    assertThat(result.record()).containsEntry("branch.appearance.<red-thing>.source", "2 pictures")
        .containsKey("branch.appearance.<red-thing>.loss");
  }

  @Test
  void theMotionBranchRecordsTheInversionRoundTripErrorWhenAsked() {
    EditResult result = TinyEdits.edit(model, embedding).steps(2).option("branch.motion.round-trip", true)
        .run(runtime);
    assertThat(Double.parseDouble(result.record().get("branch.motion.round-trip.unguided-mse"))).isFinite();
    assertThat(Double.parseDouble(result.record().get("branch.motion.round-trip.guided-mse"))).isFinite();
  }

  @Test
  void theMotionBranchInvertsTheBedrockWithTheRegionsColourTakenOutUnlessToldToKeepIt() {
    EditResult kept = TinyEdits.edit(model, embedding).steps(2).option("branch.motion.occupant", "keep")
        .run(runtime);
    EditResult grey = TinyEdits.edit(model, embedding).steps(2).run(runtime);
    assertThat(kept.record()).containsEntry("branch.motion.occupant", "keep");
    assertThat(grey.record()).containsEntry("branch.motion.occupant", "grey");
    assertThat(TinyEdits.pixels(grey.picture())).isNotEqualTo(TinyEdits.pixels(kept.picture()));
    assertThatThrownBy(() -> TinyEdits.edit(model, embedding).steps(2).option("branch.motion.occupant", "gray")
        .run(runtime)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gray'")
        .hasMessageContaining("keep").hasMessageContaining("grey");
  }

  @Test
  void nullTextOptimisationRunsWhenAskedAndIsRecorded() {
    EditResult result = TinyEdits.edit(model, embedding).steps(2).option("branch.motion.null-text", true)
        .option("branch.motion.null-text-iterations", 2).run(runtime);
    assertThat(result.record()).containsEntry("branch.motion.null-text", "true")
        .containsEntry("branch.motion.null-text.ran", "true");
  }

  @Test
  void rePaintResamplingRunsTheJumpedStepsAgainAndKeepsTheOutsideExact() {
    java.util.List<dev.crossnet.api.progress.Progress> seen = new java.util.ArrayList<>();
    EditResult result = TinyEdits.edit(model, embedding).steps(4).strength(1)
        .option("branch.region.jump-length", 1).option("branch.region.jump-count", 2)
        .progress(seen::add).run(runtime);
    long sampleSteps = seen.stream().filter(p -> p.phase().equals("sample")).count();
    assertThat(sampleSteps).isGreaterThan(4);
    assertThat(result.record()).containsEntry("branch.region.jump-count", "2");
    assertThat(result.picture().rgb(0, 0)).isEqualTo(TinyEdits.bedrock().rgb(0, 0));
  }

  @Test
  void aPromptWithoutTheSubjectsWordGetsTheWordAppended() {
    EditResult result = TinyEdits.edit(model, embedding).prompt("a photo of a dog").steps(1).run(runtime);
    assertThat(result.record()).containsEntry("prompt", "a photo of a dog <red-thing>");
  }

  @Test
  void subjectPicturesOfAnotherSizeAndGreyPicturesAreResizedAndUsed() {
    java.awt.image.BufferedImage grey =
        new java.awt.image.BufferedImage(40, 24, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().fillRect(5, 5, 20, 10);
    Subject s = Subject.of("<grey-thing>", Picture.of(grey), Picture.filled(7, 13, 0x808080));
    EditResult result = dev.crossnet.api.edit.Editor.bedrock(TinyEdits.bedrock())
        .replace(Region.box(4, 4, 10, 10)).with(s)
        .model(model).steps(2).guidanceScale(1).seed(1).option("branch.appearance.steps", 1).run(runtime);
    assertThat(result.picture().width()).isEqualTo(TinyEdits.SIZE);
    assertThat(result.record()).containsEntry("branch.appearance.<grey-thing>.source", "2 pictures");
  }

  @Test
  void aMaskedSubjectLearnsOnItsMaskOnly() {
    Picture p = Picture.filled(16, 16, 0x20C020);
    boolean[] inside = new boolean[16 * 16];
    for (int i = 0; i < 8 * 16; i++) {
      inside[i] = true;
    }
    Subject s = Subject.of("<half>", p).withMasks(Mask.of(16, 16, inside));
    EditResult result = dev.crossnet.api.edit.Editor.bedrock(TinyEdits.bedrock())
        .replace(Region.box(4, 4, 10, 10)).with(s)
        .model(model).steps(2).guidanceScale(1).seed(1).option("branch.appearance.steps", 1).run(runtime);
    assertThat(result.record()).containsKey("branch.appearance.<half>.loss");
  }

  @Test
  void aBedrockSizeTheModelCannotTakeIsRefusedWithTheNearestSize() {
    assertThatThrownBy(() -> dev.crossnet.api.edit.Editor.bedrock(Picture.filled(30, 32, 0))
        .replace(Region.box(2, 2, 8, 8)).with(TinyEdits.redThing()).model(model).steps(2).run(runtime))
        .hasMessageContaining("multiple of 4").hasMessageContaining("28x32");
  }

  @Test
  void withoutAModelNameTheEmbeddedDefaultModelEdits() {
    DiffusionEditRuntime fresh = new DiffusionEditRuntime(new ModelCache());
    EditResult result = dev.crossnet.api.edit.Editor.bedrock(TinyEdits.bedrock())
        .replace(Region.box(2, 2, 8, 8)).with(TinyEdits.redThing()).steps(2).seed(3)
        .option("branch.appearance.steps", 1).run(fresh);
    assertThat(result.record()).containsEntry("model", "<default>");
    assertThat(result.picture().width()).isEqualTo(TinyEdits.bedrock().width());
  }

  @Test
  void aModelThatShipsItsOwnJudgeReadsSubjectsThroughItAndAnyOtherLearnsThem() {
    // the built-in figureworld-v2 ships judge/ beside its components; the tiny test model does not
    Path withJudge = DefaultModel.folder(DefaultModel.MAIN_SUBJECT);
    DiffusionEditRuntime fresh = new DiffusionEditRuntime(new ModelCache());

    Map<String, String> read = dev.crossnet.api.edit.Editor.bedrock(TinyEdits.bedrock()).replace(Region.box(2, 2, 8, 8))
        .with(TinyEdits.redThing()).model(withJudge).steps(1).seed(3).run(fresh).record();
    Map<String, String> learned = dev.crossnet.api.edit.Editor.bedrock(TinyEdits.bedrock())
        .replace(Region.box(2, 2, 8, 8)).with(TinyEdits.redThing()).model(model).steps(1).seed(3)
        .option("branch.appearance.steps", 1).run(fresh).record();

    assertThat(Files.isRegularFile(withJudge.resolve(ModelJudge.COMPONENT).resolve("judge.json"))).isTrue();
    assertThat(read).hasEntrySatisfying("branch.appearance.<red-thing>.source",
        v -> assertThat(v).startsWith("encoder"));
    assertThat(read).hasEntrySatisfying("branch.appearance.<red-thing>.encoding",
        v -> assertThat(v).contains("red"));
    assertThat(learned).hasEntrySatisfying("branch.appearance.<red-thing>.source",
        v -> assertThat(v).doesNotStartWith("encoder"));
  }

  @Test
  void theRuntimeIsFoundOnTheClassPath() {
    assertThat(Runtimes.discover()).isInstanceOf(DiffusionEditRuntime.class);
  }

  @Test
  void anEditLeavesNothingBehindInTheModelsManager() {
    TinyEdits.edit(model, embedding).steps(1).run(runtime);
    int before = OpenResources.count(cache.manager());
    long arraysBefore = runtime.openArrays();
    TinyEdits.edit(model, embedding).steps(2).option("branch.motion.null-text", true)
        .option("branch.motion.null-text-iterations", 1).run(runtime);
    dev.crossnet.api.edit.Editor.bedrock(TinyEdits.bedrock()).replace(Region.box(8, 8, 12, 12))
        .with(TinyEdits.redThing()).model(model).steps(1).seed(1).option("branch.appearance.steps", 1).run(runtime);
    assertThat(OpenResources.count(cache.manager())).isEqualTo(before);
    assertThat(arraysBefore).as("the model's weights").isPositive();
    assertThat(runtime.openArrays()).as("open arrays, as the runtime reports them").isEqualTo(arraysBefore);
  }

  @Test
  void editsFromSeveralThreadsEqualTheSameEditsRunOneAfterAnother() throws Exception {
    List<Integer> seeds = List.of(1, 2, 3, 4);
    List<int[]> serial = new ArrayList<>();
    for (int seed : seeds) {
      serial.add(TinyEdits.pixels(TinyEdits.edit(model, embedding).steps(2).seed(seed).run(runtime).picture()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(seeds.size());
    try {
      List<Future<int[]>> together = new ArrayList<>();
      for (int seed : seeds) {
        together.add(pool.submit(
            () -> TinyEdits.pixels(TinyEdits.edit(model, embedding).steps(2).seed(seed).run(runtime).picture())));
      }
      for (int i = 0; i < seeds.size(); i++) {
        assertThat(together.get(i).get(2, TimeUnit.MINUTES)).as("seed " + seeds.get(i)).isEqualTo(serial.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void repeatedEditsReuseTheLoadedModel() {
    TinyEdits.edit(model, embedding).steps(1).run(runtime);
    TinyEdits.edit(model, embedding).steps(1).run(runtime);
    assertThat(cache.size()).isEqualTo(1);
  }
}
