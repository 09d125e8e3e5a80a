package dev.crossnet.core.edit.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.DiffusionEditRuntime;
import dev.crossnet.core.edit.EmbeddingFile;
import dev.crossnet.core.edit.ModelCache;
import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.figureworld.reading.FigureWorldJudgeEncoderTest;
import dev.crossnet.core.image.PictureTensors;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image encoder (the default source on the embedded default model) through the runtime. */
class EncoderEditTest {

  @TempDir static Path dir;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;

  @BeforeAll
  static void setUp() {
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
  void anEditWithTheEncoderRunsWithoutTrainingAndRecordsIt() {
    Path saved = dir.resolve("saved");
    EditResult result = edit().option("branch.appearance.source", "encoder")
        .option("branch.appearance.save-to", saved.toString()).run(runtime);

    assertThat(result.record()).containsEntry("branch.appearance.<it>.source", "encoder, 1 pictures")
        .doesNotContainKey("branch.appearance.<it>.loss");
    assertThat(result.record().get("branch.appearance.<it>.encoding")).contains("red").contains("robot");
    assertThat(result.picture().width()).isEqualTo(32);
    try (NDManager m = cache.newEditManager()) {
      var model = cache.get(java.util.Optional.empty());
      var rows = EmbeddingFile.load(saved.resolve("it.safetensors"), "<it>",
          model.textEncoder().config().hiddenSize(), m);
      assertThat(rows.getShape().get(0)).isEqualTo(3);
    }
  }

  @Test
  void byDefaultTheDefaultModelEncodesTheSubjectAndReadsTheOccupantsPoseIntoThePrompt() {
    EditResult result = edit().prompt("a <it>").option("branch.motion", true).run(runtime);

    assertThat(result.record()).containsEntry("branch.appearance.<it>.source", "encoder, 1 pictures");
    String pose = result.record().get("branch.motion.pose.<it>");
    assertThat(result.record()).containsEntry("branch.motion.pose", "read by the figureworld reader");
    assertThat(pose).matches("[a-z]+ \\(\\d\\.\\d\\d\\)");
    assertThat(result.record().get("prompt")).isEqualTo("a <it> " + pose.split(" ")[0]);
  }

  @Test
  void theWordsTheRowsFollowGoBeforeTheSubjectUnlessThePromptHasADeterminerThere() {
    EditResult encoded = edit().prompt("<it>").option("branch.motion.pose", "none").run(runtime);
    assertThat(encoded.record()).containsEntry("prompt", "a <it>");

    EditResult counted = edit().prompt("the <it>").option("branch.motion.pose", "none").run(runtime);
    assertThat(counted.record()).containsEntry("prompt", "the <it>");

    EditResult learned = edit().prompt("<it>").option("branch.motion.pose", "none")
        .option("branch.appearance.source", "inversion").option("branch.appearance.steps", 1).run(runtime);
    assertThat(learned.record()).as("the default template is 'a {}'").containsEntry("prompt", "a <it>");

    EditResult bare = edit().prompt("<it>").option("branch.motion.pose", "none")
        .option("branch.appearance.source", "inversion").option("branch.appearance.template", "{} standing")
        .option("branch.appearance.steps", 1).run(runtime);
    assertThat(bare.record()).as("a template without a determiner").containsEntry("prompt", "<it>");
  }

  @Test
  void aPoseThePromptNamesIsKeptAndLearnedTokensGetNoPoseWordByDefault() {
    EditResult named = edit().option("branch.motion", true).option("branch.appearance.source", "encoder")
        .run(runtime);
    assertThat(named.record()).containsEntry("branch.motion.pose", "not read: the prompt names 'standing'")
        .containsEntry("prompt", "a <it> standing");

    EditResult learned = edit().prompt("a <it>").option("branch.motion", true)
        .option("branch.appearance.source", "inversion").option("branch.appearance.steps", 1).run(runtime);
    assertThat(learned.record()).containsEntry("branch.motion.pose", "not read (auto)")
        .containsEntry("prompt", "a <it>");
  }

  @Test
  void byDefaultTheOccupantsStructureIsScaledToTheSubjectsSizeAndThatCanBeSwitchedOff() {
    EditResult scaled = edit().option("branch.motion", true).run(runtime);
    assertThat(scaled.record()).containsEntry("branch.motion.scale", "read by the figureworld reader");
    assertThat(scaled.record().get("branch.motion.scale.<it>"))
        .matches("(small|large) subject, (small|large) occupant: \\d\\.\\d{3}");

    EditResult kept = edit().option("branch.motion", true).option("branch.motion.scale", "none").run(runtime);
    assertThat(kept.record()).containsEntry("branch.motion.scale", "not read (none)")
        .doesNotContainKey("branch.motion.scale.<it>");
    assertThatThrownBy(() -> edit().option("branch.motion", true).option("branch.motion.scale", "2")
        .run(runtime)).hasMessageContaining("branch.motion.scale is '2'").hasMessageContaining("[auto, read, judge, none]");
  }

  @Test
  void aSubjectOfAnUnlikeSkeletonIsRedrawnFromMoreNoiseThanTheRestOfTheEdit() {
    EditResult dogForRobot = replacing(FigureKind.DOG, FigureKind.ROBOT).run(runtime);
    assertThat(dogForRobot.record()).containsEntry("branch.motion.body", "read by the figureworld reader")
        .containsEntry("branch.motion.body.<it>", "robot subject, dog occupant: unlike skeletons")
        .containsEntry("branch.motion.unlike-strength", "1.0").containsEntry("strength.raised-by", "motion")
        .containsEntry("strength.loop", "1.0").containsEntry("start-index", "0");

    EditResult catForDog = replacing(FigureKind.DOG, FigureKind.CAT).run(runtime);
    assertThat(catForDog.record()).containsEntry("branch.motion.body.<it>", "cat subject, dog occupant: one skeleton")
        .doesNotContainKey("strength.raised-by").containsEntry("start-index", "2");

    EditResult notRead = replacing(FigureKind.DOG, FigureKind.ROBOT).option("branch.motion.body", "none")
        .run(runtime);
    assertThat(notRead.record()).containsEntry("branch.motion.body", "not read (none)")
        .doesNotContainKey("strength.raised-by").containsEntry("start-index", "2");
    assertThat(dogForRobot.picture().rgbPixels()).isNotEqualTo(notRead.picture().rgbPixels());
    assertUnchangedBeyondTheSeam(dogForRobot, FigureKind.DOG);
  }

  /** Beyond the feathered seam of the region, the result keeps the bedrock's pixels exactly. */
  private static void assertUnchangedBeyondTheSeam(EditResult result, FigureKind occupant) {
    Scene one = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1).withRelationChance(0)).generate(3);
    Scene bedrock = one.idealEdit(0, occupant, new Appearance(Colour.GREEN, false, Size.LARGE)).edited();
    int feather = Integer.parseInt(result.record().get("branch.region.feather"));
    float[] seam = PictureTensors.feather(bedrock.figures().get(0).mask(), feather).weights();
    int[] got = result.picture().rgbPixels();
    int[] want = bedrock.picture().rgbPixels();
    int changed = 0;
    for (int i = 0; i < seam.length; i++) {
      changed += seam[i] == 0 && got[i] != want[i] ? 1 : 0;
    }
    assertThat(changed).as("pixels changed beyond the seam").isZero();
  }

  @Test
  void theSubjectIsAskedForItsOwnKindsVersionOfTheOccupantsPose() {
    Scene waving = LongStream.range(1, 500).mapToObj(new SceneGenerator(SceneOptions.defaults().withFigures(1, 1)
        .withRelationChance(0))::generate).filter(s -> s.figures().get(0).figure().pose() == Pose.WAVING)
        .findFirst().orElseThrow();
    Scene bedrock = waving.idealEdit(0, FigureKind.PERSON, new Appearance(Colour.GREEN, false, Size.LARGE)).edited();
    EditResult dog = Editor.bedrock(bedrock.picture()).replace(Region.mask(bedrock.figures().get(0).mask()))
        .with(Subject.of("<it>", FigureWorldJudgeEncoderTest.figure(FigureKind.DOG, Colour.RED, false))).steps(2)
        .seed(3).run(runtime);

    assertThat(dog.record().get("branch.motion.pose.<it>")).startsWith("waving").endsWith(", as a dog: standing");
    assertThat(dog.record()).containsEntry("prompt", "a <it> standing");
  }

  @Test
  void anUnlikeStrengthOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> replacing(FigureKind.DOG, FigureKind.ROBOT).option("branch.motion.unlike-strength", 0)
        .run(runtime)).hasMessageContaining("branch.motion.unlike-strength must lie in (0, 1], got 0");
  }

  @Test
  void aRegionOfUnlikeSkeletonMayBeHeldByIlvrForASpanOfItsOwn() {
    EditResult own = replacing(FigureKind.DOG, FigureKind.ROBOT).option("branch.motion.unlike-ilvr-until", 0)
        .run(runtime);
    EditResult shared = replacing(FigureKind.DOG, FigureKind.ROBOT).run(runtime);
    assertThat(own.record()).containsEntry("branch.motion.unlike-ilvr-until", "0.0");
    assertThat(shared.record()).doesNotContainKey("branch.motion.unlike-ilvr-until");
    assertThat(own.picture().rgbPixels()).isNotEqualTo(shared.picture().rgbPixels());
    assertUnchangedBeyondTheSeam(own, FigureKind.DOG);

    EditResult like = replacing(FigureKind.DOG, FigureKind.CAT).option("branch.motion.unlike-ilvr-until", 0)
        .run(runtime);
    assertThat(like.record()).doesNotContainKey("branch.motion.unlike-ilvr-until");
    assertThat(like.picture().rgbPixels())
        .isEqualTo(replacing(FigureKind.DOG, FigureKind.CAT).run(runtime).picture().rgbPixels());
    assertThatThrownBy(() -> replacing(FigureKind.DOG, FigureKind.ROBOT).option("branch.motion.unlike-ilvr-until", 2)
        .run(runtime)).hasMessageContaining("branch.motion.unlike-ilvr-until must lie in [0, 1], got 2");
  }

  @Test
  void aRegionOfUnlikeSkeletonMayStartFromFreshNoiseOrFromTheInversion() {
    EditResult fresh = replacing(FigureKind.DOG, FigureKind.ROBOT).option("branch.motion.unlike-start", "noise")
        .run(runtime);
    EditResult inverted = replacing(FigureKind.DOG, FigureKind.ROBOT)
        .option("branch.motion.unlike-start", "inversion").run(runtime);
    assertThat(fresh.record()).containsEntry("branch.motion.unlike-start", "noise");
    assertThat(inverted.record()).doesNotContainKey("branch.motion.unlike-start");
    assertThat(fresh.picture().rgbPixels()).isNotEqualTo(inverted.picture().rgbPixels());
    assertThat(fresh.picture().rgbPixels()).as("deterministic")
        .isEqualTo(replacing(FigureKind.DOG, FigureKind.ROBOT).option("branch.motion.unlike-start", "noise")
            .run(runtime).picture().rgbPixels());
    assertUnchangedBeyondTheSeam(fresh, FigureKind.DOG);

    EditResult like = replacing(FigureKind.DOG, FigureKind.CAT).option("branch.motion.unlike-start", "noise")
        .run(runtime);
    assertThat(like.record()).doesNotContainKey("branch.motion.unlike-start");
    assertThat(like.picture().rgbPixels()).isEqualTo(replacing(FigureKind.DOG, FigureKind.CAT)
        .option("branch.motion.unlike-start", "inversion").run(runtime).picture().rgbPixels());
    assertThatThrownBy(() -> replacing(FigureKind.DOG, FigureKind.ROBOT).option("branch.motion.unlike-start", "blank")
        .run(runtime)).hasMessageContaining("branch.motion.unlike-start is 'blank'; use inversion");
  }

  @Test
  void aSubjectAttentionEmphasisThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> edit().option("branch.subject-attention.emphasis", 0).run(runtime))
        .hasMessageContaining("branch.subject-attention.emphasis must be a positive number, got 0.0");
  }

  @Test
  void anUnknownPoseSettingIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> edit().option("branch.motion", true).option("branch.motion.pose", "skeleton")
        .run(runtime)).hasMessageContaining("branch.motion.pose is 'skeleton'")
        .hasMessageContaining("[auto, read, judge, none]");
  }

  @Test
  void inversionCanStartFromTheEncodersRows() {
    Path saved = dir.resolve("refined");
    EditResult result = edit().option("branch.appearance.source", "encoder-then-inversion")
        .option("branch.appearance.steps", 2).option("branch.appearance.save-to", saved.toString()).run(runtime);

    assertThat(result.record()).containsEntry("branch.appearance.<it>.source",
        "encoder rows refined by inversion, 1 pictures").containsKey("branch.appearance.<it>.loss");
    try (NDManager m = cache.newEditManager()) {
      var model = cache.get(java.util.Optional.empty());
      var rows = EmbeddingFile.load(saved.resolve("it.safetensors"), "<it>",
          model.textEncoder().config().hiddenSize(), m);
      assertThat(rows.getShape().get(0)).as("one row per encoder row, not the token option's 1").isEqualTo(3);
    }
  }

  @Test
  void anUnknownSourceIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> edit().option("branch.appearance.source", "clip").run(runtime))
        .hasMessageContaining("branch.appearance.source 'clip' is not known")
        .hasMessageContaining("[auto, encoder, inversion, encoder-then-inversion, adapter, encoder-and-adapter, "
            + "image-words, image-words-and-adapter]");
  }

  /** A red subject of kind {@code subject} in place of a large green figure of kind {@code occupant}, 10 steps at 0.8. */
  private static ReadyEdit replacing(FigureKind occupant, FigureKind subject) {
    Scene one = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1).withRelationChance(0)).generate(3);
    Scene bedrock = one.idealEdit(0, occupant, new Appearance(Colour.GREEN, false, Size.LARGE)).edited();
    return Editor.bedrock(bedrock.picture()).replace(Region.mask(bedrock.figures().get(0).mask()))
        .with(Subject.of("<it>", FigureWorldJudgeEncoderTest.figure(subject, Colour.RED, false))).steps(10)
        .strength(0.8).seed(3);
  }

  private static ReadyEdit edit() {
    var bedrock = new SceneGenerator(SceneOptions.defaults().withSize(32, 32).withFigures(1, 1)).generate(8)
        .picture();
    return Editor.bedrock(bedrock).replace(Region.box(8, 8, 16, 16))
        .with(Subject.of("<it>", FigureWorldJudgeEncoderTest.figure(FigureKind.ROBOT, Colour.RED, false)))
        .prompt("a <it> standing").steps(2).seed(3).option("branch.motion", false);
  }
}
