package dev.crossnet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's own schedule is read from its folder whatever key it was measured for, and a bad one is named. */
public class ModelScheduleTest {

  /**
   * Floors 0 and ceilings 1 at t = 0.2, 0.4, ..., 1.0: half the structure survives to 0.6, the look to 0.4, so the
   * strength is 0.6 and ILVR holds (s - 0.4) / s of an edit from strength s.
   */
  public static FeatureLossSchedule sample() {
    double[] ts = {0.2, 0.4, 0.6, 0.8, 1.0};
    double[] structure = {0.95, 0.8, 0.6, 0.4, 0.1};
    double[] look = {0.9, 0.6, 0.3, 0.2, 0.1};
    List<Double> t = new ArrayList<>();
    List<FeatureLossPoint> points = new ArrayList<>();
    for (int i = 0; i < ts.length; i++) {
      t.add(ts[i]);
      points.add(new FeatureLossPoint(ts[i], (int) Math.round(ts[i] * 1000) - 1, structure[i], look[i]));
    }
    return new FeatureLossSchedule("model", "measured-on-other-pictures", new FeatureLossSettings(t, 1), 24,
        points, 0, 0, 1, 1, 12.5);
  }

  @Test
  void aFolderWithoutAScheduleHasNone(@TempDir Path dir) {
    assertThat(ModelSchedule.of(dir)).isEmpty();
  }

  @Test
  void theShippedScheduleIsReadBackWhateverItsKey(@TempDir Path dir) throws Exception {
    Path file = ModelSchedule.write(dir, sample(), "a test");

    assertThat(file.getFileName().toString()).isEqualTo("feature-loss-schedule.json");
    FeatureLossSchedule read = ModelSchedule.of(dir).orElseThrow();
    assertThat(read.strength()).isEqualTo(0.6);
    assertThat(read.lookReturns()).isEqualTo(0.4);
    assertThat(read.ilvrUntil(0.8)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(read.points()).isEqualTo(sample().points());
  }

  @Test
  void aDamagedScheduleIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(ModelSchedule.FILE), "{\"format\": \"crossnet.feature-loss-schedule/1\"}");

    assertThatThrownBy(() -> ModelSchedule.of(dir)).isInstanceOf(ScheduleFile.CorruptScheduleException.class)
        .hasMessageContaining(dir.resolve(ModelSchedule.FILE).toString()).hasMessageContaining("has no 'key'");
  }

  @Test
  void theScheduleIsNotPartOfTheModelsIdentity(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("model_index.json"), "{}");
    String before = ModelIdentity.of(dir);
    ModelSchedule.write(dir, sample(), "a test");
    assertThat(ModelIdentity.of(dir)).isEqualTo(before);
  }

  @Test
  void anIlvrSpanNeedsAStrengthInZeroToOne() {
    assertThatThrownBy(() -> sample().ilvrUntil(0)).hasMessageContaining("strength must lie in (0, 1]");
  }
}
