package dev.crossnet.core.edit.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import org.junit.jupiter.api.Test;

class StructureScaleTest {

  private static final int SKY = 0x87CEEB;
  private static final int BODY = 0x202020;

  /** An 8x8 picture with a 2-pixel-wide body standing on the bottom row, {@code tall} pixels high, columns 3-4. */
  private static Picture standing(int tall) {
    int[] px = new int[64];
    for (int i = 0; i < 64; i++) {
      int x = i % 8;
      int y = i / 8;
      px[i] = (x == 3 || x == 4) && y >= 8 - tall ? BODY : SKY;
    }
    return Picture.ofRgb(8, 8, px);
  }

  private static int height(Picture p, int x) {
    int n = 0;
    for (int y = 0; y < 8; y++) {
      n += (p.rgb(x, y) & 0xFFFFFF) == BODY ? 1 : 0;
    }
    return n;
  }

  @Test
  void twiceTheRatioDoublesTheOccupantsHeightWithItsFeetKept() {
    Mask whole = Mask.of(8, 8, fill(64, true));
    Picture out = StructureScale.inside(standing(3), whole, 2.0);
    assertThat(height(out, 3)).isEqualTo(6);
    assertThat(out.rgb(3, 7) & 0xFFFFFF).as("the feet stay on the bottom row").isEqualTo(BODY);
    assertThat(height(StructureScale.inside(standing(6), whole, 0.5), 3)).isEqualTo(3);
  }

  @Test
  void aRatioOfOneAndTheOutsideOfTheRegionAreLeftAlone() {
    Picture before = standing(4);
    boolean[] left = new boolean[64];
    for (int i = 0; i < 64; i++) {
      left[i] = i % 8 < 4;
    }
    Picture out = StructureScale.inside(before, Mask.of(8, 8, left), 1.0);
    assertThat(out.rgbPixels()).containsExactly(before.rgbPixels());
    Picture scaled = StructureScale.inside(before, Mask.of(8, 8, left), 1.5);
    for (int i = 0; i < 64; i++) {
      if (!left[i]) {
        assertThat(scaled.rgb(i % 8, i / 8)).as("pixel %d", i).isEqualTo(before.rgb(i % 8, i / 8));
      }
    }
  }

  @Test
  void aNonPositiveRatioOrAnEmptyRegionIsRefused() {
    Mask whole = Mask.of(8, 8, fill(64, true));
    assertThatThrownBy(() -> StructureScale.inside(standing(2), whole, 0)).hasMessageContaining("positive");
    assertThatThrownBy(() -> StructureScale.inside(standing(2), Mask.of(8, 8, fill(64, false)), 2))
        .hasMessageContaining("covers nothing");
    assertThatThrownBy(() -> StructureScale.inside(standing(2), Mask.of(4, 4, fill(16, true)), 2))
        .hasMessageContaining("4x4").hasMessageContaining("8x8");
  }

  private static boolean[] fill(int n, boolean value) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, value);
    return b;
  }
}
