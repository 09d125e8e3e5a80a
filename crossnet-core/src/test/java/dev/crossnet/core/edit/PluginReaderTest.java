package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.plugin.UnknownPluginException;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.ReadModel;
import dev.crossnet.api.reading.ReaderProvider;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.reading.WordSlot;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.api.branch.BranchProvider;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.testing.TinyModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader plugin that knows nothing of FigureWorld drives the edit as the figureworld reader does: the occupant's
 * action becomes the prompt's pose word (in the subject's version), the subject's words its embedding rows, the
 * skeletons and heights the motion branch's body and scale readings.
 */
class PluginReaderTest {

  @TempDir static Path dir;
  private static Path model;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;
  private static final AtomicInteger OPENED = new AtomicInteger();
  private static final AtomicInteger CLOSED = new AtomicInteger();

  /** Reads models whose folder holds a {@code toy-reader} file. */
  static final class ToyReaderProvider implements ReaderProvider {

    @Override
    public String name() {
      return "toy";
    }

    @Override
    public boolean reads(ReadModel model) {
      return model.folder().map(f -> Files.exists(f.resolve("toy-reader"))).orElse(false);
    }

    @Override
    public SceneReader open(ReadModel model, NDManager manager) {
      OPENED.incrementAndGet();
      return new SceneReader() {
        @Override
        public List<OccupantReading> occupants(Picture bedrock, List<Mask> regions) {
          List<OccupantReading> out = new ArrayList<>();
          regions.forEach(r -> out.add(new OccupantReading("robot", "waving", 0.9, "small", 0.38, "humanoid")));
          return out;
        }

        @Override
        public SubjectReading subject(Subject subject) {
          Map<String, Double> colour = new LinkedHashMap<>();
          colour.put("red", 0.75);
          colour.put("blue", 0.25);
          return new SubjectReading("dog", "large", 0.5, "four-legged",
              List.of(WordSlot.mixture(colour), WordSlot.mixture(Map.of("dog", 1.0))), "a", "toy: a red dog");
        }

        @Override
        public List<String> actionWords() {
          return List.of("waving", "sitting");
        }

        @Override
        public String actionFor(SubjectReading subject, OccupantReading occupant) {
          return subject.kind().equals("dog") && occupant.action().equals("waving") ? "sitting" : occupant.action();
        }

        @Override
        public void close() {
          CLOSED.incrementAndGet();
        }
      };
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    model = TinyModelFolder.assemble(dir.resolve("model"));
    Files.writeString(model.resolve("toy-reader"), "");
    cache = new ModelCache();
    runtime = new DiffusionEditRuntime(cache,
        PluginRegistry.discover(BranchProvider.class, "branch", "add crossnet-core"),
        PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers"),
        PluginRegistry.discover(ReaderProvider.class, "reader", "").with(new ToyReaderProvider()));
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  private static ReadyEdit edit() {
    return Editor.bedrock(TinyEdits.bedrock()).replace(Region.box(8, 8, 12, 12)).with(TinyEdits.redThing())
        .prompt("a photo of <red-thing>").model(model).steps(2).seed(5);
  }

  @Test
  void aModelTheToyReaderReadsIsEditedThroughItsReadingsAndTheReaderIsClosedWithTheEdit() {
    int opened = OPENED.get();
    int closed = CLOSED.get();
    Map<String, String> record = edit().run(runtime).record();

    assertThat(record).containsEntry("reader", "toy");
    assertThat(record.get("branch.appearance.<red-thing>.source")).startsWith("encoder");
    assertThat(record.get("branch.appearance.<red-thing>.encoding")).isEqualTo("toy: a red dog, 2 rows");
    assertThat(record).containsEntry("branch.motion.pose.<red-thing>", "waving (0.90), as a dog: sitting");
    assertThat(record).containsEntry("branch.motion.body.<red-thing>", "dog subject, robot occupant: unlike skeletons");
    assertThat(record).containsEntry("branch.motion.scale.<red-thing>", "large subject, small occupant: 1.316");
    assertThat(record.get("prompt")).contains("sitting");
    assertThat(OPENED.get() - opened).isEqualTo(1);
    assertThat(CLOSED.get() - closed).isEqualTo(1);
  }

  @Test
  void withoutAReaderTheSubjectIsLearnedAndNothingIsRead() {
    int opened = OPENED.get();
    Map<String, String> record = edit().option("reader", "none").option("branch.appearance.steps", 1).run(runtime)
        .record();
    assertThat(record).containsEntry("reader", "none");
    assertThat(record.get("branch.appearance.<red-thing>.source")).doesNotStartWith("encoder");
    assertThat(record).containsEntry("branch.motion.pose", "not read (auto)");
    assertThat(OPENED.get()).isEqualTo(opened);
  }

  @Test
  void askingForAReadingWithoutAReaderNamesTheOptionAndTheFix() {
    assertThatThrownBy(() -> edit().option("reader", "none").option("branch.motion.pose", "read").run(runtime))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("branch.motion.pose, scale or body (read) needs a reader")
        .hasMessageContaining("reader=<name>");
  }

  @Test
  void anUnknownReaderIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> edit().option("reader", "photo").run(runtime))
        .isInstanceOf(UnknownPluginException.class)
        .hasMessageContaining("unknown reader 'photo'")
        .hasMessageContaining("figureworld, toy");
  }

  @Test
  void theReaderOptionIsAnEditOptionAndItsNeighboursAreStillRefused() {
    assertThatThrownBy(() -> edit().option("readr", "toy").run(runtime))
        .hasMessageContaining("readr").hasMessageContaining("reader");
  }
}
