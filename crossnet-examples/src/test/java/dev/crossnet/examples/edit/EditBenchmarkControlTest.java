package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import org.junit.jupiter.api.Test;

class EditBenchmarkControlTest {

  /** The first usable held-out case of two figures, 64x64. */
  private static SceneCase firstCase() {
    var world = new dev.crossnet.core.figureworld.SceneGenerator(dev.crossnet.core.figureworld.SceneOptions.defaults()
        .withSize(64, 64).withSplit(dev.crossnet.core.figureworld.Split.HELD_OUT).withFigures(2, 2));
    return java.util.stream.LongStream.range(1, 50).mapToObj(s -> SceneCase.of(world.generate(s), 0, 1, "<it>"))
        .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
  }

  @Test
  void theControlPaintsTheRegionAndNothingElse() {
    Picture picture = Picture.filled(4, 3, 0x112233);
    boolean[] inside = new boolean[12];
    inside[5] = true;
    inside[6] = true;
    Picture painted = EditBenchmark.paint(picture, Mask.of(4, 3, inside), 0x808080);
    for (int i = 0; i < 12; i++) {
      assertThat(painted.rgb(i % 4, i / 4) & 0xFFFFFF).as("pixel %d", i).isEqualTo(inside[i] ? 0x808080 : 0x112233);
    }
    assertThat(picture.rgb(1, 1) & 0xFFFFFF).as("the bedrock itself is left alone").isEqualTo(0x112233);
  }

  @Test
  void theControlIsARowOfTheTableBesideEveryMethod() {
    assertThat(EditBenchmark.methods(10, 0.8, 0.6)).extracting(EditBenchmark.Method::name)
        .doesNotContain(EditBenchmark.CONTROL)
        .contains("SDEdit (text)", "RePaint (text)", "CrossNet (full)");
  }

  @Test
  void onlyKeepsTheNamedMethodsAndNamesTheChoicesWhenNoneMatches() {
    var all = EditBenchmark.methods(10, 0.8, 0.6);
    assertThat(EditBenchmark.select(all, java.util.List.of("CrossNet (full"))).extracting(EditBenchmark.Method::name)
        .containsExactly("CrossNet (full)", "CrossNet (full, learned subject)");
    assertThat(EditBenchmark.select(all, java.util.List.of())).hasSameSizeAs(all);
    var tuned = EditBenchmark.withOptions(all, java.util.Map.of("branch.motion.ilvr", "false"));
    assertThat(tuned.get(0)).as("a baseline keeps its own settings").isSameAs(all.get(0));
    assertThat(tuned.get(tuned.size() - 1)).as("a CrossNet row gets the options").isNotSameAs(all.get(all.size() - 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EditBenchmark.select(all, java.util.List.of("nope")))
        .hasMessageContaining("nope").hasMessageContaining("RePaint (text)");
  }

  @Test
  void theCeilingControlKeepsTheIdealOutsideTheRegionAndRedrawsItInside() {
    SceneCase c = firstCase();
    var result = EditBenchmark.throughTheModel(c, java.util.Optional.empty(), 10, 1)
        .run(dev.crossnet.api.runtime.Runtimes.discover());
    int feather = Integer.parseInt(result.record().get("branch.region.feather"));
    assertThat(Metrics.changed(result.picture(), c.ideal(), dev.crossnet.core.image.PictureTensors.feather(c.region(),
        feather))).as("pixels changed beyond the feathered seam").isZero();
    Picture grey = EditBenchmark.paint(c.ideal(), c.region(), 0x808080);
    assertThat(Metrics.psnr(result.picture(), c.ideal(), c.region(), true)).as("inside, against a grey region")
        .isGreaterThan(Metrics.psnr(grey, c.ideal(), c.region(), true) + 3);
  }

  @Test
  void theVaeControlKeepsTheIdealBeyondTheSeamAndComesCloseInsideTheRegion() {
    SceneCase c = firstCase();
    try (VaeRoundTrip vae = new VaeRoundTrip(java.util.Optional.empty())) {
      assertThat(vae.available()).as("the embedded default model works in a VAE's latent space").isTrue();
      Picture round = vae.apply(c.ideal(), c.region(), 2);
      assertThat(Metrics.changed(round, c.ideal(), dev.crossnet.core.image.PictureTensors.feather(c.region(), 2)))
          .as("pixels changed beyond the feathered seam").isZero();
      double inside = Metrics.psnr(round, c.ideal(), c.region(), true);
      assertThat(inside).as("the region went through the VAE").isLessThan(Double.POSITIVE_INFINITY);
      Picture grey = EditBenchmark.paint(c.ideal(), c.region(), 0x808080);
      assertThat(inside).as("inside, against a grey region")
          .isGreaterThan(Metrics.psnr(grey, c.ideal(), c.region(), true) + 3);
    }
  }

  @Test
  void theSdeditBaselineIsPlainSdeditWhateverTheSubject() {
    SceneCase c = firstCase();
    EditBenchmark.Method sdedit = EditBenchmark.methods(10, 0.8, 0.6).get(0);
    var options = sdedit.configure().apply(EditBenchmark.base(c.scene(), c, c.subject(), java.util.Optional.empty(), 5,
        1)).request().settings().options();
    // the bedrock noised as it is, and none of CrossNet's FigureWorld readings, so a subject given by pictures or by
    // saved tokens makes no difference to the baseline
    assertThat(options.getString("branch.motion.occupant", "grey")).isEqualTo("keep");
    assertThat(options.getString("branch.motion.scale", "auto")).isEqualTo("none");
    assertThat(options.getString("branch.motion.pose", "auto")).isEqualTo("none");
    assertThat(options.getString("branch.motion.body", "auto")).isEqualTo("none");
    assertThat(options.getBoolean("branch.motion.ilvr", true)).isFalse();
  }

  @Test
  void theJudgeIsCheckedAgainstTheTruthHeadByHead() {
    SceneCase c = firstCase();
    try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      var judge = dev.crossnet.core.judge.FigureWorldJudge.bundled(manager);
      var heads = dev.crossnet.core.judge.FigureWorldJudge.heads();
      var reading = judge.read(c.ideal(), dev.crossnet.core.judge.FocusMasks.around(c.region(), 0));
      int[] asRead = new int[heads.size()];
      for (int i = 0; i < heads.size(); i++) {
        asRead[i] = heads.get(i).classes().indexOf(reading.answer(heads.get(i).name()));
      }
      assertThat(JudgeAgreement.againstTruth(judge, c.ideal(), c.region(), asRead))
          .as("a truth equal to the reading").isEqualTo(new JudgeAgreement(1, 1, 1, 1, 1, 1));
      int[] otherKind = asRead.clone();
      otherKind[0] = (asRead[0] + 1) % heads.get(0).classes().size();
      assertThat(heads.get(0).name()).isEqualTo(dev.crossnet.core.judge.FigureWorldJudge.KIND);
      assertThat(JudgeAgreement.againstTruth(judge, c.ideal(), c.region(), otherKind))
          .as("another true kind").isEqualTo(new JudgeAgreement(0, 0, 1, 1, 1, 1));
    }
  }

  @Test
  void theJudgesReadingsOfTheIdealsAreSummedUnderTheTable() {
    String line = EditBenchmark.judgeOnIdeals(java.util.List.of(new JudgeAgreement(1, 1, 1, 1, 1, 1),
        new JudgeAgreement(0, 0, 1, 1, 1, 0)));
    assertThat(line).contains("in 50 % of the scenes for the look (kind 50 %, colour 100 %, hat 100 %, size 100 %)")
        .contains("and 50 % for the pose");
    assertThat(EditBenchmark.judgeOnIdeals(java.util.List.of())).as("no scenes, no line").isEmpty();
  }
}
