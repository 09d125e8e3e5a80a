package dev.crossnet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived strength and ILVR span follow the documented rule; bad settings are refused. */
class FeatureLossScheduleRuleTest {

  /** Floors 0 and ceilings 1: kept = raw. */
  private static FeatureLossSchedule schedule(double[] ts, double[] structure, double[] look) {
    List<Double> t = new ArrayList<>();
    List<FeatureLossPoint> points = new ArrayList<>();
    for (int i = 0; i < ts.length; i++) {
      t.add(ts[i]);
      points.add(new FeatureLossPoint(ts[i], (int) (ts[i] * 1000) - 1, structure[i], look[i]));
    }
    return new FeatureLossSchedule("m", "k", new FeatureLossSettings(t, 1), 2, points, 0, 0, 1, 1, 0);
  }

  @Test
  void strengthIsTheLevelWithTheLeastLookWhereHalfTheStructureSurvives() {
    FeatureLossSchedule s = schedule(new double[] {0.2, 0.4, 0.6, 0.8, 1.0},
        new double[] {0.95, 0.8, 0.6, 0.4, 0.1}, new double[] {0.9, 0.6, 0.3, 0.2, 0.1});
    assertThat(s.strength()).isEqualTo(0.6);
    assertThat(s.lookReturns()).isEqualTo(0.4);
    assertThat(s.ilvrUntil()).isCloseTo((0.6 - 0.4) / 0.6, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void signalsAreReadFromTheirFloorsToTheirCeilings() {
    List<FeatureLossPoint> points = List.of(new FeatureLossPoint(0.5, 499, 0.6, 0.7),
        new FeatureLossPoint(1.0, 999, 0.1, 0.2));
    FeatureLossSchedule s = new FeatureLossSchedule("m", "k", new FeatureLossSettings(List.of(0.5, 1.0), 1), 2,
        points, 0.2, 0.4, 1.0, 0.8, 0);
    assertThat(s.structureKept(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.lookKept(0)).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.structureKept(1)).isZero();
    assertThat(s.lookKept(1)).isZero();
  }

  @Test
  void aCeilingNotAboveItsFloorKeepsNothing() {
    FeatureLossSchedule s = new FeatureLossSchedule("m", "k", new FeatureLossSettings(List.of(1.0), 1), 2,
        List.of(new FeatureLossPoint(1.0, 999, 0.5, 0.5)), 0.3, 0.3, 0.3, 0.2, 0);
    assertThat(s.structureKept(0)).isZero();
    assertThat(s.lookKept(0)).isZero();
  }

  @Test
  void whenNoLevelKeepsHalfTheStructureTheSmallestLevelIsTheStrength() {
    FeatureLossSchedule s = schedule(new double[] {0.5, 1.0}, new double[] {0.3, 0.1}, new double[] {0.2, 0.1});
    assertThat(s.strength()).isEqualTo(0.5);
    assertThat(s.lookReturns()).isZero();
    assertThat(s.ilvrUntil()).isEqualTo(1.0);
  }

  @Test
  void noiseLevelsOutsideZeroToOneAreRefused() {
    assertThatThrownBy(() -> new FeatureLossSettings(List.of(0.0, 0.5), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t = 0.0 is outside (0, 1]");
    assertThatThrownBy(() -> new FeatureLossSettings(List.of(0.5, 1.2), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t = 1.2 is outside (0, 1]");
    assertThatThrownBy(() -> new FeatureLossSettings(List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one noise level");
    assertThatThrownBy(() -> new FeatureLossSettings(List.of(0.5, 0.5), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must increase");
  }

  @Test
  void aPathOfNoStepsIsRefusedAndOneStepIsTheDefault() {
    assertThat(new FeatureLossSettings(List.of(0.5), 1).pathSteps()).isEqualTo(1);
    assertThat(new FeatureLossSettings(List.of(0.5), 1).stepsAt(0.5)).isEqualTo(1);
    assertThat(FeatureLossSettings.standard().withPathSteps(10).stepsAt(0.05)).isEqualTo(1);
    assertThat(FeatureLossSettings.standard().withPathSteps(10).stepsAt(0.3)).isEqualTo(3);
    assertThatThrownBy(() -> FeatureLossSettings.standard().withPathSteps(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 step, got 0");
  }

  @Test
  void theStandardGridRunsFromOneTwentiethToOne() {
    List<Double> ts = FeatureLossSettings.standard().fractions();
    assertThat(ts).hasSize(20);
    assertThat(ts.get(0)).isEqualTo(0.05);
    assertThat(ts.get(19)).isEqualTo(1.0);
    assertThat(FeatureLossSettings.timestep(1.0, 1000)).isEqualTo(999);
    assertThat(FeatureLossSettings.timestep(0.05, 1000)).isEqualTo(49);
  }

  @Test
  void x0IsRecoveredFromEveryPredictionType() {
    float[] x0 = {0.5f, -0.25f};
    float[] eps = {1.0f, -2.0f};
    double abar = 0.3;
    double a = Math.sqrt(abar);
    double b = Math.sqrt(1 - abar);
    float[] xt = new float[2];
    float[] v = new float[2];
    for (int i = 0; i < 2; i++) {
      xt[i] = (float) (a * x0[i] + b * eps[i]);
      v[i] = (float) (a * eps[i] - b * x0[i]);
    }
    assertThat(FeatureLossMeasurement.x0("epsilon", eps, xt, abar)).containsExactly(x0,
        org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(FeatureLossMeasurement.x0("v_prediction", v, xt, abar)).containsExactly(x0,
        org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(FeatureLossMeasurement.x0("sample", x0, xt, abar)).containsExactly(x0,
        org.assertj.core.data.Offset.offset(0f));
  }

  @Test
  void aMaskOfAnotherSizeIsRefused() {
    assertThatThrownBy(() -> new MaskedPicture(SchedulePictures.block(0, 0, 4, 4, 0xFF0000),
        new dev.crossnet.api.region.Box(0, 0, 4, 4).toMask(16, 16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mask is 16x16 but the picture is 32x32");
  }
}
