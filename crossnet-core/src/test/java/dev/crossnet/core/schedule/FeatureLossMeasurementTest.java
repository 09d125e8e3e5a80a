package dev.crossnet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.testing.OpenResources;
import dev.crossnet.core.testing.TinyModelFolder;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule measured on the tiny golden model (32x32 pictures, four noise levels). */
class FeatureLossMeasurementTest {

  private static final FeatureLossSettings SETTINGS = new FeatureLossSettings(List.of(0.25, 0.5, 0.75, 1.0), 3);

  @TempDir static Path dir;
  private static NDManager weights;
  private static NDManager work;
  private static DiffusionModel model;
  private static FeatureLossSchedule measured;

  @BeforeAll
  static void setUp() {
    Path folder = TinyModelFolder.assemble(dir.resolve("model"));
    weights = OfflineEngine.get().newBaseManager();
    work = OfflineEngine.get().newBaseManager();
    model = DiffusionModel.load(folder, weights);
    measured = measure(SETTINGS, PredictionObserver.NONE, p -> {});
  }

  @AfterAll
  static void tearDown() {
    if (work != null) {
      work.close();
    }
    if (weights != null) {
      weights.close();
    }
  }

  private static FeatureLossSchedule measure(FeatureLossSettings settings, PredictionObserver observer,
      dev.crossnet.api.progress.ProgressListener progress) {
    return new FeatureLossMeasurement().measure(model, SchedulePictures.four(), settings, progress, observer, work);
  }

  @Test
  void everyNoiseLevelGetsSignalsInRange() {
    assertThat(measured.points()).extracting(FeatureLossPoint::t).containsExactly(0.25, 0.5, 0.75, 1.0);
    assertThat(measured.points()).extracting(FeatureLossPoint::timestep).containsExactly(249, 499, 749, 999);
    for (int i = 0; i < measured.points().size(); i++) {
      assertThat(measured.points().get(i).structure()).isBetween(-1.0, 1.0);
      assertThat(measured.points().get(i).look()).isBetween(0.0, 1.0);
      assertThat(measured.structureKept(i)).isBetween(0.0, 1.0);
      assertThat(measured.lookKept(i)).isBetween(0.0, 1.0);
    }
    assertThat(measured.pictureCount()).isEqualTo(4);
    assertThat(measured.structureFloor()).isBetween(-1.0, 1.0);
    assertThat(measured.structureCeiling()).isBetween(-1.0, 1.0);
    assertThat(measured.lookFloor()).isBetween(0.0, 1.0);
    assertThat(measured.lookCeiling()).isBetween(0.0, 1.0);
    assertThat(SETTINGS.fractions()).contains(measured.strength());
    assertThat(measured.ilvrUntil()).isBetween(0.0, 1.0);
  }

  @Test
  void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
    FeatureLossSchedule again = measure(SETTINGS, PredictionObserver.NONE, p -> {});
    assertThat(again.points()).isEqualTo(measured.points());
    assertThat(again.key()).isEqualTo(measured.key());
    FeatureLossSchedule other = measure(new FeatureLossSettings(SETTINGS.fractions(), 4), PredictionObserver.NONE,
        p -> {});
    assertThat(other.points()).isNotEqualTo(measured.points());
    assertThat(other.key()).isNotEqualTo(measured.key());
  }

  @Test
  void everyPredictionIsShownToTheObserverAndCountedInProgress() {
    List<String> seen = new ArrayList<>();
    List<Progress> progress = new ArrayList<>();
    measure(SETTINGS, (index, t, source, prediction) -> {
      assertThat(prediction.width()).isEqualTo(source.picture().width());
      seen.add(index + "@" + t);
    }, progress::add);
    assertThat(seen).hasSize(16).startsWith("0@0.25", "0@0.5").endsWith("3@1.0");
    assertThat(progress).hasSize(16);
    assertThat(progress.get(15)).isEqualTo(new Progress(FeatureLossMeasurement.PHASE, 16, 16));
  }

  @Test
  void aMeasurementLeavesNothingOpenInItsManagerOrTheModels() {
    int workBefore = OpenResources.count(work);
    int weightsBefore = OpenResources.count(weights);
    measure(new FeatureLossSettings(List.of(0.5), 1), PredictionObserver.NONE, p -> {});
    assertThat(OpenResources.count(work)).isEqualTo(workBefore);
    assertThat(OpenResources.count(weights)).isEqualTo(weightsBefore);
  }

  @Test
  void aVPredictionModelIsMeasuredThroughItsOwnParameterisation() throws Exception {
    Path folder = TinyModelFolder.assemble(dir.resolve("v-model"));
    Path config = folder.resolve("scheduler").resolve("scheduler_config.json");
    Files.writeString(config, Files.readString(config).replace("\"epsilon\"", "\"v_prediction\""));
    DiffusionModel v = DiffusionModel.load(folder, weights);
    FeatureLossSchedule s = new FeatureLossMeasurement().measure(v, SchedulePictures.four(), SETTINGS, p -> {},
        PredictionObserver.NONE, work);
    assertThat(s.points()).isNotEqualTo(measured.points());
    assertThat(s.modelIdentity()).isNotEqualTo(measured.modelIdentity());
  }

  @Test
  void badInputIsRefusedWithTheProblemNamed() {
    assertThatThrownBy(() -> new FeatureLossMeasurement().measure(model, List.of(), SETTINGS, p -> {},
        PredictionObserver.NONE, work)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 pictures").hasMessageContaining("got 0");
    MaskedPicture odd = new MaskedPicture(Picture.filled(31, 31, 0x808080),
        new dev.crossnet.api.region.Box(2, 2, 8, 8).toMask(31, 31));
    MaskedPicture oddToo = new MaskedPicture(Picture.filled(31, 31, 0x408080),
        new dev.crossnet.api.region.Box(2, 2, 8, 8).toMask(31, 31));
    assertThatThrownBy(() -> new FeatureLossMeasurement().measure(model, List.of(odd, oddToo), SETTINGS, p -> {},
        PredictionObserver.NONE, work)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31x31").hasMessageContaining("multiple of 4");
    List<MaskedPicture> mixed = new ArrayList<>(SchedulePictures.four());
    mixed.add(odd);
    assertThatThrownBy(() -> new FeatureLossMeasurement().measure(model, mixed, SETTINGS, p -> {},
        PredictionObserver.NONE, work)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("picture 4 is 31x31 but picture 0 is 32x32");
  }

  @Test
  void aDenoisingPathRunsItsStepsAndIsKeyedAndStoredApart() throws Exception {
    FeatureLossSettings path = SETTINGS.withPathSteps(4);
    FeatureLossSchedule s = new FeatureLossMeasurement().measure(model, SchedulePictures.four(), path, p -> {},
        PredictionObserver.NONE, work);
    assertThat(path.stepsAt(0.25)).isEqualTo(1);
    assertThat(path.stepsAt(0.5)).isEqualTo(2);
    assertThat(path.stepsAt(1.0)).isEqualTo(4);
    assertThat(s.points().get(0)).as("one step at t = 0.25: the one-step prediction")
        .isEqualTo(measured.points().get(0));
    assertThat(s.points().subList(1, 4)).as("several steps from t = 0.5 on")
        .isNotEqualTo(measured.points().subList(1, 4));
    assertThat(s.key()).isNotEqualTo(measured.key());
    assertThat(new FeatureLossMeasurement().measure(model, SchedulePictures.four(), path, p -> {},
        PredictionObserver.NONE, work).points()).as("deterministic").isEqualTo(s.points());
    Path file = dir.resolve("path-schedule.json");
    ScheduleFile.write(file, s, "tiny");
    assertThat(ScheduleFile.read(file, s.key()).settings().pathSteps()).isEqualTo(4);
    assertThat(ScheduleFile.read(file, s.key())).isEqualTo(s);
  }

  @Test
  void aDdimStepOfAnExactPredictionLandsOnTheForwardNoisedPicture() {
    float[] x0 = {0.5f, -1f, 2f};
    float[] eps = {1f, 0.25f, -0.5f};
    double abar = 0.3;
    double abarNext = 0.8;
    float[] xt = new float[3];
    float[] expected = new float[3];
    for (int i = 0; i < 3; i++) {
      xt[i] = (float) (Math.sqrt(abar) * x0[i] + Math.sqrt(1 - abar) * eps[i]);
      expected[i] = (float) (Math.sqrt(abarNext) * x0[i] + Math.sqrt(1 - abarNext) * eps[i]);
    }
    float[] next = FeatureLossMeasurement.ddimStep(xt, x0, abar, abarNext);
    for (int i = 0; i < 3; i++) {
      assertThat(next[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void theCacheIsWrittenBesideTheModelAndReadBackEqual(@TempDir Path fallback) throws Exception {
    ScheduleCache cache = new ScheduleCache(fallback);
    List<Progress> first = new ArrayList<>();
    FeatureLossSchedule computed = cache.loadOrCompute(model, SchedulePictures.four(), SETTINGS, first::add, work);
    Path file = cache.file(model.source(), computed.key());
    assertThat(file.getParent()).isEqualTo(model.source());
    assertThat(file.getFileName().toString()).startsWith(ScheduleCache.FILE_PREFIX).endsWith(".json");
    assertThat(file).isRegularFile();
    assertThat(first).isNotEmpty();
    assertThat(leftovers(model.source())).as("temporary files left beside the model").isEmpty();

    List<Progress> second = new ArrayList<>();
    FeatureLossSchedule read = cache.loadOrCompute(model, SchedulePictures.four(), SETTINGS, second::add, work);
    assertThat(second).as("progress of a measurement (none: read from the cache)").isEmpty();
    assertThat(read).isEqualTo(computed);
    assertThat(read.points()).isEqualTo(measured.points());
  }

  @Test
  void aCorruptCacheFileIsRefusedByTheReaderAndReplacedByTheCache(@TempDir Path fallback) throws Exception {
    ScheduleCache cache = new ScheduleCache(fallback);
    String key = ScheduleCache.key(ModelIdentity.of(model), SETTINGS, SchedulePictures.four());
    Path file = cache.file(model.source(), key);
    Files.writeString(file, "{\"format\": \"crossnet.feature-loss-schedule/1\", \"key\": \"" + key + "\", \"poin",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ScheduleFile.read(file, key)).isInstanceOf(ScheduleFile.CorruptScheduleException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("delete it");

    List<Progress> progress = new ArrayList<>();
    FeatureLossSchedule s = cache.loadOrCompute(model, SchedulePictures.four(), SETTINGS, progress::add, work);
    assertThat(progress).as("measured again").isNotEmpty();
    assertThat(s.points()).isEqualTo(measured.points());
    assertThat(ScheduleFile.read(file, key)).isEqualTo(s);
  }

  @Test
  void aCacheFileOfAnotherKeyOrWithValuesOutOfRangeIsRefused() throws Exception {
    Path file = dir.resolve("schedule.json");
    ScheduleFile.write(file, measured, "tiny");
    assertThat(ScheduleFile.read(file, measured.key())).isEqualTo(measured);
    assertThatThrownBy(() -> ScheduleFile.read(file, "another-key"))
        .isInstanceOf(ScheduleFile.CorruptScheduleException.class).hasMessageContaining("written for key");
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("\"look\": [0-9.E-]+", "\"look\": 7.5"));
    assertThatThrownBy(() -> ScheduleFile.read(file, measured.key()))
        .isInstanceOf(ScheduleFile.CorruptScheduleException.class).hasMessageContaining("look 7.5");
  }

  @Test
  void aScheduleOfAnotherModelIsNotStoredForThisOne(@TempDir Path fallback) {
    FeatureLossSchedule foreign = new FeatureLossSchedule("another-model", measured.key(), measured.settings(),
        measured.pictureCount(), measured.points(), measured.structureFloor(), measured.lookFloor(),
        measured.structureCeiling(), measured.lookCeiling(), measured.seconds());
    assertThatThrownBy(() -> new ScheduleCache(fallback).store(model, foreign))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measured on model another-model")
        .hasMessageContaining("measure it again");
  }

  @Test
  void aModelFolderThatCannotTakeTheFileSendsItToTheFallback(@TempDir Path fallback) {
    Path missing = dir.resolve("not-a-folder");
    assertThat(new ScheduleCache(fallback).file(missing, measured.key())).startsWithRaw(fallback);
  }

  @Test
  void thePlotIsWrittenAsAPng() throws Exception {
    Path png = dir.resolve("plots").resolve("schedule.png");
    SchedulePlot.write(png, "tiny model", measured, List.of(new SchedulePlot.Series("extra",
        new double[] {0.25, 1.0}, new double[] {1.0, 0.0})));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isGreaterThan(400);
    assertThat(leftovers(png.getParent())).isEmpty();
  }

  private static List<Path> leftovers(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
    }
  }
}
