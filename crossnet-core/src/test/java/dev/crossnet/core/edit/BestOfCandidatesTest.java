package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edit option {@code candidates}: several seeds, the result most like the subjects kept. */
class BestOfCandidatesTest {

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
  void keepsTheCandidateItNamesWhichIsThePlainEditOfItsSeed() {
    EditResult best = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option(BestOfCandidates.OPTION, 3).run(runtime);
    Map<String, String> record = best.record();
    assertThat(record).containsEntry(BestOfCandidates.OPTION, "3")
        .as("a model without a reader: auto rates with the image encoder")
        .containsEntry(BestOfCandidates.BY, "image encoder");
    String[] scores = record.get("candidates.scores").split(",");
    assertThat(scores).hasSize(3);
    int kept = Integer.parseInt(record.get("candidates.kept"));
    double keptScore = Double.parseDouble(scores[kept]);
    assertThat(Arrays.stream(scores).mapToDouble(Double::parseDouble).max().orElseThrow()).isEqualTo(keptScore);
    assertThat(record).containsEntry("candidates.seed", Long.toString(5 + kept));
    assertThat(best.seed()).as("the edit's own seed, which reproduces the choice").isEqualTo(5);

    EditResult plain = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).seed(5 + kept).run(runtime);
    assertThat(best.picture().rgbPixels()).containsExactly(plain.picture().rgbPixels());
    assertThat(TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option(BestOfCandidates.OPTION, 3).run(runtime).picture().rgbPixels())
        .as("same seed and options, same choice").containsExactly(best.picture().rgbPixels());
  }

  @Test
  void theCandidatesDifferAndTheirScoresAreTheirLikenessToTheSubject() {
    EditResult best = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option(BestOfCandidates.OPTION, 2).run(runtime);
    String[] scores = best.record().get("candidates.scores").split(",");
    List<int[]> pictures = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Picture p = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).seed(5 + i).run(runtime).picture();
      pictures.add(p.rgbPixels());
      try (var m = cache.newEditManager()) {
        var adapter = cache.get(java.util.Optional.of(withAdapter)).imageAdapter().orElseThrow();
        SubjectLikeness likeness = SubjectLikeness.of(adapter,
            List.of(new Replacement(Region.box(8, 8, 12, 12), TinyEdits.blue())), TinyEdits.SIZE, TinyEdits.SIZE, m);
        assertThat(likeness.score(p, m)).isCloseTo(Double.parseDouble(scores[i]), org.assertj.core.data.Offset
            .offset(1e-4));
      }
    }
    assertThat(pictures.get(0)).as("another seed draws another candidate").isNotEqualTo(pictures.get(1));
  }

  @Test
  void oneCandidateIsThePlainEditAndProgressCountsEveryCandidatesSteps() {
    EditResult one = TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option(BestOfCandidates.OPTION, 1).run(runtime);
    assertThat(one.picture().rgbPixels()).containsExactly(TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).run(runtime).picture()
        .rgbPixels());
    assertThat(one.record()).doesNotContainKey("candidates.kept");

    List<Progress> seen = new ArrayList<>();
    TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option(BestOfCandidates.OPTION, 2).progress(seen::add).run(runtime);
    List<Progress> sampling = seen.stream().filter(p -> p.phase().equals(seen.get(seen.size() - 1).phase()))
        .toList();
    assertThat(sampling.get(sampling.size() - 1).done()).isEqualTo(sampling.get(sampling.size() - 1).total());
    assertThat(sampling.stream().mapToInt(Progress::done).toArray()).isSorted();
    assertThat(Set.copyOf(sampling.stream().map(Progress::total).toList())).hasSize(1);
  }

  @Test
  void runKeepsTheHighestScoreTheEarliestOfEqualOnesAndAddsTheTimings() {
    EditRequest request = new EditRequest(TinyEdits.bedrock(),
        List.of(new Replacement(Region.box(8, 8, 12, 12), TinyEdits.blue())), EditSettings.defaults(), 40);
    double[] byOffset = {0.2, 0.7, 0.1, 0.7};
    List<Long> seeds = new ArrayList<>();
    EditResult r = BestOfCandidates.run(request, 4, one -> {
      seeds.add(one.seed());
      return new EditResult(Picture.filled(4, 4, (int) one.seed()), one.seed(),
          Map.of("sample", Duration.ofMillis(10)), Map.of("seed", Long.toString(one.seed())));
    }, res -> byOffset[(int) (res.seed() - 40)], "test");
    assertThat(seeds).containsExactly(40L, 41L, 42L, 43L);
    assertThat(r.record()).containsEntry("candidates.kept", "1").containsEntry("candidates.seed", "41")
        .containsEntry("seed", "41").containsEntry("candidates.scores", "0.2000,0.7000,0.1000,0.7000");
    assertThat(r.picture().rgbPixels()).containsExactly(Picture.filled(4, 4, 41).rgbPixels());
    assertThat(r.timings().get("sample")).isEqualTo(Duration.ofMillis(40));
    assertThat(r.timings()).containsKey(BestOfCandidates.OPTION);
  }

  @Test
  void badCountsModelsWithoutAnEncoderAndSubjectsWithoutPicturesAreRefusedByName() {
    assertThat(BestOfCandidates.count(PluginConfig.empty())).isEqualTo(1);
    assertThat(BestOfCandidates.count(PluginConfig.of("candidates", "4"))).isEqualTo(4);
    for (Object bad : List.of(0, 17, "many", 2.5)) {
      assertThatThrownBy(() -> BestOfCandidates.count(PluginConfig.of("candidates", bad)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates")
          .hasMessageContaining("from 1");
    }
    assertThatThrownBy(() -> TinyEdits.boxEdit(without, TinyEdits.blue()).option(BestOfCandidates.OPTION, 2).run(runtime))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image encoder")
        .hasMessageContaining("image_encoder/");
    assertThatThrownBy(() -> TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option(BestOfCandidates.OPTION, 2)
        .option(BestOfCandidates.BY, "reader").run(runtime))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates.by=reader needs a reader");
    assertThatThrownBy(() -> TinyEdits.boxEdit(withAdapter, TinyEdits.blue()).option(BestOfCandidates.OPTION, 2)
        .option(BestOfCandidates.BY, "judge").run(runtime))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates.by is 'judge'");
    Path embedding = TinyEdits.embedding(cache, withAdapter, dir);
    assertThatThrownBy(() -> TinyEdits.boxEdit(withAdapter, Subject.fromEmbedding("<red-thing>", embedding))
        .option(BestOfCandidates.OPTION, 2).run(runtime))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<red-thing> has no pictures");
  }
}
