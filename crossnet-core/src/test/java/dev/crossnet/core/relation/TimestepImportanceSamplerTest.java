package dev.crossnet.core.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestepImportanceSamplerTest {

  @Test
  void probabilitiesFollowReVersionsScaledCosine() {
    TimestepImportanceSampler s = TimestepImportanceSampler.reversion(1000);
    // f(999) / f(0) = (1 - 0.5 cos(pi 999/1000)) / (1 - 0.5) ~ 3
    assertThat(s.probability(999) / s.probability(0)).isCloseTo(3.0, within(1e-3));
    double sum = 0;
    for (int t = 0; t < 1000; t++) {
      sum += s.probability(t);
    }
    assertThat(sum).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void samplesFavourNoisyTimestepsInTheRightProportion() {
    TimestepImportanceSampler s = TimestepImportanceSampler.reversion(1000);
    SplittableRandom r = new SplittableRandom(4);
    int late = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      late += s.sample(r) >= 500 ? 1 : 0;
    }
    // integral of 1 - 0.5 cos(pi x) over [0.5, 1] is 0.5 + 0.5 / pi of the total 1
    assertThat((double) late / n).isCloseTo(0.5 + 0.5 / Math.PI, within(0.015));
  }

  @Test
  void alphaZeroIsUniform() {
    TimestepImportanceSampler s = new TimestepImportanceSampler(10, 0);
    assertThat(s.probability(0)).isCloseTo(0.1, within(1e-12));
    assertThat(s.probability(9)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void anAlphaThatWouldZeroTimestepZeroIsRefused() {
    assertThatThrownBy(() -> new TimestepImportanceSampler(1000, 1.0)).hasMessageContaining("[0, 1)");
  }
}
