package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import org.junit.jupiter.api.Test;

class FigureWorldImagesTest {

  @Test
  void theSameSeedsRenderTheSamePicturesAndCaptions() {
    FigureWorldImages a = TinyModels.images(12);
    FigureWorldImages b = TinyModels.images(12);
    for (int i = 0; i < 12; i++) {
      assertThat(a.caption(i)).isEqualTo(b.caption(i));
      assertThat(a.picture(i)).isEqualTo(b.picture(i));
    }
    assertThat(a.caption(0)).isNotEqualTo(a.caption(1));
  }

  @Test
  void batchesDependOnSeedAndStepOnly() {
    assertThat(FigureWorldImages.batchIndices(1, 7, 8, 1000)).containsExactly(
        FigureWorldImages.batchIndices(1, 7, 8, 1000));
    assertThat(FigureWorldImages.batchIndices(1, 7, 8, 1000)).isNotEqualTo(
        FigureWorldImages.batchIndices(1, 8, 8, 1000));
    assertThat(java.util.stream.IntStream.of(FigureWorldImages.batchIndices(1, 7, 64, 10)).boxed().toList())
        .allMatch(i -> i >= 0 && i < 10);
  }

  @Test
  void pixelsAreChannelsFirstInMinusOneToOne() {
    FigureWorldImages images = TinyModels.images(2);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray x = images.pixels(new int[] {1, 0}, m);
      assertThat(x.getShape().getShape()).containsExactly(2, 3, 16, 16);
      assertThat(x.min().getFloat()).isGreaterThanOrEqualTo(-1f);
      assertThat(x.max().getFloat()).isLessThanOrEqualTo(1f);
      int rgb = images.picture(1).rgb(3, 5);
      assertThat(x.getFloat(0, 0, 5, 3)).isCloseTo(((rgb >> 16) & 0xFF) / 127.5f - 1f,
          org.assertj.core.data.Offset.offset(1e-6f));
    }
  }
}
