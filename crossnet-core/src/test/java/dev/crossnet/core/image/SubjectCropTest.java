package dev.crossnet.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectCropTest {

  private static Picture stripes() {
    int[] rgb = new int[20 * 10];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (i % 20) * 10 << 16;
    }
    return Picture.ofRgb(20, 10, rgb);
  }

  @Test
  void withoutAMaskThePictureIsKept() {
    Picture p = stripes();
    assertThat(SubjectCrop.of(p, Optional.empty())).isSameAs(p);
  }

  @Test
  void aMaskedSubjectIsCutToASquareAroundItWithGreyElsewhere() {
    boolean[] inside = new boolean[20 * 10];
    for (int y = 2; y < 8; y++) {
      for (int x = 4; x < 7; x++) {
        inside[y * 20 + x] = true;
      }
    }
    Picture crop = SubjectCrop.of(stripes(), Optional.of(Mask.of(20, 10, inside)));
    // bounds 3 wide, 6 high: a square of 6 plus a margin of 1 on each side
    assertThat(crop.width()).isEqualTo(8);
    assertThat(crop.height()).isEqualTo(8);
    assertThat(crop.rgb(0, 0)).isEqualTo(SubjectCrop.GREY);
    // the square's left edge is x = 4 + (3 - 6) / 2 - 1 = 2 (integer division), top y = 1
    assertThat(crop.rgb(3, 2)).isEqualTo(5 * 10 << 16);
    assertThat(crop.rgb(1, 2)).as("outside the mask").isEqualTo(SubjectCrop.GREY);
  }

  @Test
  void anEmptyOrMisSizedMaskIsRefused() {
    assertThatThrownBy(() -> SubjectCrop.of(stripes(), Optional.of(Mask.of(20, 10, new boolean[200]))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask is empty");
    assertThatThrownBy(() -> SubjectCrop.of(stripes(), Optional.of(Mask.of(10, 10, new boolean[100]))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10x10").hasMessageContaining("20x10");
  }
}
