package dev.crossnet.api.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTest {

  @Test
  void boxRasterisesToItsPixels() {
    Mask m = Region.box(2, 1, 3, 2).toMask(8, 4);
    assertThat(m.coverage()).isEqualTo(6 / 32.0);
    assertThat(m.weight(2, 1)).isEqualTo(1f);
    assertThat(m.weight(5, 1)).isEqualTo(0f);
    assertThat(m.bounds()).contains(new Box(2, 1, 3, 2));
  }

  @Test
  void polygonRasterisesPixelCentresInside() {
    Polygon square = Region.polygon(List.of(new Region.Point(1, 1), new Region.Point(4, 1),
        new Region.Point(4, 4), new Region.Point(1, 4)));
    Mask m = square.toMask(6, 6);
    assertThat(m.coverage()).isEqualTo(9 / 36.0);
    assertThat(m.bounds()).contains(new Box(1, 1, 3, 3));
  }

  @Test
  void polygonVertexOutsideIsNamed() {
    Polygon p = Region.polygon(List.of(new Region.Point(1, 1), new Region.Point(40, 1), new Region.Point(1, 3)));
    assertThatThrownBy(() -> p.requireWithin(10, 10)).hasMessageContaining("(40.0, 1.0)")
        .hasMessageContaining("10x10");
  }

  @Test
  void maskWeightsOutsideTheUnitIntervalAreRefused() {
    assertThatThrownBy(() -> Mask.of(2, 1, new float[] {0.5f, 2f})).hasMessageContaining("(1, 0) is 2.0");
  }

  @Test
  void boxNeedsAPositiveSize() {
    assertThatThrownBy(() -> Region.box(0, 0, 0, 5)).hasMessageContaining("positive size");
  }
}
