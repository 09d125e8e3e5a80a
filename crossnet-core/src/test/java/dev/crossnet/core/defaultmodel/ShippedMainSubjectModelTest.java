package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.CaptionVocabulary;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in default model v2 ({@link DefaultModel#MAIN_SUBJECT}): copied out of the resources, loaded, a
 * v-prediction model of 128x128 pictures whose tokenizer reads every caption word as one token, and it draws.
 */
class ShippedMainSubjectModelTest {

  @TempDir Path cache;

  @Test
  void aTwoStepTextToImageIsA128PixelSquareAndRepeatable() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      DiffusionModel model = DiffusionModel.load(DefaultModel.folder(DefaultModel.MAIN_SUBJECT, cache), m);
      assertThat(model.nativeSize()).isEqualTo(128);
      assertThat(model.schedulerConfig().getString("prediction_type", "")).isEqualTo("v_prediction");
      for (String word : CaptionVocabulary.words()) {
        assertThat(model.tokenizer().tokenize(word)).as(word).hasSize(1);
      }
      TextToImage t2i = TextToImage.of(model);
      TextToImageRequest request = TextToImageRequest.of("a large red robot waving in a park")
          .withSize(model.nativeSize(), model.nativeSize()).withSampler("ddim", 2).withSeed(3);
      Picture first = t2i.generate(request, m);
      assertThat(first.width()).isEqualTo(128);
      assertThat(first.height()).isEqualTo(128);
      assertThat(t2i.generate(request, m)).isEqualTo(first);
      assertThat(t2i.generate(request.withSeed(4), m)).isNotEqualTo(first);
    }
  }

  @Test
  void anUnknownBuiltInNameListsTheKnownOnes() {
    assertThat(DefaultModel.isBundled(DefaultModel.MAIN_SUBJECT)).isTrue();
    assertThat(DefaultModel.isBundled("figureworld-v9")).isFalse();
    assertThatThrownBy(() -> DefaultModel.folder("figureworld-v9", cache))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("figureworld, figureworld-v2");
  }
}
