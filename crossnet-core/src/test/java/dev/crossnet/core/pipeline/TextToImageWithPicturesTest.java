package dev.crossnet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text to image with subject pictures, drawn through the model's image adapter. */
class TextToImageWithPicturesTest {

  private static final TextToImageRequest REQUEST = TextToImageRequest.of("a photo of object")
      .withSize(32, 32).withSampler("ddim", 3).withSeed(4);

  @Test
  void picturesChangeThePictureAndScaleZeroDrawsTheTextAlone(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      TextToImage t2i = TextToImage.of(DiffusionModel.load(TinyModelFolder.assembleWithAdapter(dir, 3), m));
      int[] plain = t2i.generate(REQUEST, m).rgbPixels();
      List<Picture> blue = List.of(Picture.filled(16, 16, 0x2040E0));
      int[] withBlue = t2i.generate(REQUEST.withSubjectPictures(blue, 1.0), m).rgbPixels();
      int[] withRed = t2i.generate(REQUEST.withSubjectPictures(List.of(Picture.filled(16, 16, 0xE02020)), 1.0), m)
          .rgbPixels();
      assertThat(withBlue).isNotEqualTo(plain).isNotEqualTo(withRed);
      assertThat(t2i.generate(REQUEST.withSubjectPictures(blue, 1.0), m).rgbPixels()).containsExactly(withBlue);
      assertThat(t2i.generate(REQUEST.withSubjectPictures(blue, 0.0), m).rgbPixels()).containsExactly(plain);
    }
  }

  @Test
  void picturesOnAModelWithoutAnAdapterAreRefused(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      TextToImage t2i = TextToImage.of(DiffusionModel.load(TinyModelFolder.assemble(dir), m));
      assertThatThrownBy(() -> t2i.generate(REQUEST.withSubjectPictures(List.of(Picture.filled(8, 8, 0)), 1), m))
          .hasMessageContaining("need a model with an image adapter");
    }
  }
}
