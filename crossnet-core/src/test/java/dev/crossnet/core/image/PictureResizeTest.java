package dev.crossnet.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import dev.crossnet.core.image.PictureResize.Filter;
import org.junit.jupiter.api.Test;

class PictureResizeTest {

  private static Picture grey(int width, int height, int... levels) {
    int[] rgb = new int[levels.length];
    for (int i = 0; i < levels.length; i++) {
      rgb[i] = levels[i] * 0x010101;
    }
    return Picture.ofRgb(width, height, rgb);
  }

  private static int level(Picture p, int x, int y) {
    return p.rgb(x, y) & 0xFF;
  }

  @Test
  void halvingAStepUsesTheWidenedCubicKernel() {
    // scale 2: weights cubic((x - 1 + 0.5) / 2) over x = 0..3 are 0.8672, 0.8672, 0.2266, -0.0703 (sum 1.8906),
    // so output 0 = 255 * (0.2266 - 0.0703) / 1.8906 = 21.07 and output 1 mirrors it
    Picture half = PictureResize.resize(grey(4, 1, 0, 0, 255, 255), 2, 1, Filter.BICUBIC);
    assertThat(level(half, 0, 0)).isEqualTo(21);
    assertThat(level(half, 1, 0)).isEqualTo(234);
  }

  @Test
  void doublingAStepOvershootsAndIsClippedTo8Bits() {
    // output 3 (centre 1.75): weights cubic(-0.25..2.25) = -0.0234, 0.2266, 0.8672, -0.0703 -> 255 * 0.7969 = 203.2;
    // output 2 (centre 1.25): 255 * (cubic(0.75) + cubic(1.75)) = 255 * (0.2266 - 0.0234) = 51.8
    Picture twice = PictureResize.resize(grey(4, 1, 0, 0, 255, 255), 8, 1, Filter.BICUBIC);
    assertThat(level(twice, 0, 0)).isZero();
    assertThat(level(twice, 3, 0)).isEqualTo(52);
    assertThat(level(twice, 4, 0)).isEqualTo(203);
    assertThat(level(twice, 7, 0)).isEqualTo(255);
  }

  @Test
  void aUniformPictureStaysUniformAtAnySize() {
    Picture flat = Picture.filled(37, 23, 0x7F3A10);
    Picture resized = PictureResize.resize(flat, 11, 64, Filter.BICUBIC);
    assertThat(resized.width()).isEqualTo(11);
    assertThat(resized.height()).isEqualTo(64);
    assertThat(resized.rgbPixels()).containsOnly(0x7F3A10);
  }

  @Test
  void columnsAreResampledLikeRows() {
    Picture column = PictureResize.resize(grey(1, 4, 0, 0, 255, 255), 1, 2, Filter.BICUBIC);
    assertThat(level(column, 0, 0)).isEqualTo(21);
    assertThat(level(column, 0, 1)).isEqualTo(234);
  }

  @Test
  void bilinearHalvingAveragesWithATentTwoPixelsWide() {
    // scale 2: tent((x - 1 + 0.5) / 2) over x = 0..2 is 0.75, 0.75, 0.25 -> 255 * 0.25 / 1.75 = 36.4
    Picture half = PictureResize.resize(grey(4, 1, 0, 0, 255, 255), 2, 1, Filter.BILINEAR);
    assertThat(level(half, 0, 0)).isEqualTo(36);
    assertThat(level(half, 1, 0)).isEqualTo(219);
  }

  @Test
  void theSameSizeReturnsThePictureItself() {
    Picture p = Picture.filled(5, 4, 0x123456);
    assertThat(PictureResize.resize(p, 5, 4, Filter.BICUBIC)).isSameAs(p);
  }

  @Test
  void unknownResampleCodesAreRefusedListingTheSupportedOnes() {
    assertThatThrownBy(() -> Filter.ofCode(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resample code 1")
        .hasMessageContaining("3 (bicubic)");
  }
}
