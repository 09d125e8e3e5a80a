package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import org.junit.jupiter.api.Test;

class JudgeFocusMasksTest {

  @Test
  void boxIsGrownByTheMarginAndClippedToThePicture() {
    Mask m = FocusMasks.box(new Box(1, 10, 4, 5), 2, 16, 32);

    assertThat(m.bounds()).contains(new Box(0, 8, 7, 9));
    assertThat(m.coverage() * 16 * 32).isEqualTo(7 * 9);
  }

  @Test
  void aroundFillsTheBoundingBoxOfAnIrregularRegion() {
    boolean[] in = new boolean[8 * 8];
    in[2 * 8 + 2] = true;
    in[5 * 8 + 6] = true;

    Mask m = FocusMasks.around(Mask.of(8, 8, in), 0);

    assertThat(m.coverage() * 64).isEqualTo(5 * 4);
  }

  @Test
  void anEmptyRegionIsRefusedWithTheWayOut() {
    assertThatThrownBy(() -> FocusMasks.around(Mask.of(8, 8, new boolean[64]), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty")
        .hasMessageContaining("FocusMasks.whole");
  }

  @Test
  void wholeCoversEveryPixel() {
    assertThat(FocusMasks.whole(5, 3).coverage()).isEqualTo(1.0);
  }
}
