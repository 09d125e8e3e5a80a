package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
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

  @Test
  void figureWeightsAreRaisedExactlyOnTheFiguresMasks() {
    SceneOptions options = SceneOptions.defaults().withSize(32, 32).withFigures(1, 2);
    FigureWorldImages images = FigureWorldImages.render(options, 3, 500);
    Scene scene = new SceneGenerator(options).generate(501);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      float[] w = images.figureWeights(new int[] {1}, 4f, m).toFloatArray();
      int onFigures = 0;
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          int at = x;
          int row = y;
          boolean figure = scene.figures().stream().anyMatch(f -> f.mask().weight(at, row) > 0.5f);
          assertThat(w[y * 32 + x]).isEqualTo(figure ? 5f : 1f);
          onFigures += figure ? 1 : 0;
        }
      }
      assertThat(onFigures).isPositive();
    }
  }
}
