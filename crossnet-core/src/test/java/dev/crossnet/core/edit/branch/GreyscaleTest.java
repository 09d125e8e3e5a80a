package dev.crossnet.core.edit.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import org.junit.jupiter.api.Test;

class GreyscaleTest {

  @Test
  void insideTheMaskColourBecomesLuminanceAndOutsideNothingChanges() {
    Picture red = Picture.filled(4, 2, 0xC81E1E);
    boolean[] inside = new boolean[8];
    inside[1] = true;
    Picture out = Greyscale.inside(red, Mask.of(4, 2, inside));
    int y = (int) Math.round(0.299 * 0xC8 + 0.587 * 0x1E + 0.114 * 0x1E);
    assertThat(out.rgb(1, 0) & 0xFFFFFF).isEqualTo((y << 16) | (y << 8) | y);
    for (int i = 0; i < 8; i++) {
      if (i != 1) {
        assertThat(out.rgb(i % 4, i / 4) & 0xFFFFFF).as("pixel %d", i).isEqualTo(0xC81E1E);
      }
    }
    assertThat(red.rgb(1, 0) & 0xFFFFFF).as("the input is left alone").isEqualTo(0xC81E1E);
  }

  @Test
  void aPartialWeightRemovesPartOfTheColour() {
    Picture red = Picture.filled(1, 1, 0xFF0000);
    Picture half = Greyscale.inside(red, Mask.of(1, 1, new float[] {0.5f}));
    int r = (half.rgb(0, 0) >> 16) & 0xff;
    int g = (half.rgb(0, 0) >> 8) & 0xff;
    assertThat(r).isLessThan(0xFF).isGreaterThan(g);
    assertThat(g).isGreaterThan(0);
  }

  @Test
  void aMaskOfAnotherSizeIsRefusedWithBothSizes() {
    assertThatThrownBy(() -> Greyscale.inside(Picture.filled(4, 4, 0), Mask.of(2, 2, new boolean[4])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2").hasMessageContaining("4x4");
  }
}
