package dev.crossnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.defaultmodel.WordBpeVocabulary;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.text.ClipTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole diffusers folder assembled from the golden components: load, draw, save, reload. */
class DiffusionModelTest {

  /** unet-a + clip-a + vae-a fit together (cross-attention width 32, 4 latent channels). */
  private static Path assemble(Path dir) {
    return dev.crossnet.core.testing.TinyModelFolder.assemble(dir);
  }

  private static TextToImageRequest request(long seed) {
    return TextToImageRequest.of("a red robot waving").withSize(32, 32).withSampler("ddim", 3).withSeed(seed);
  }

  private static int[] pixels(Picture p) {
    int[] out = new int[p.width() * p.height()];
    for (int y = 0; y < p.height(); y++) {
      for (int x = 0; x < p.width(); x++) {
        out[y * p.width() + x] = p.rgb(x, y);
      }
    }
    return out;
  }

  @Test
  void loadsInOneCallAndDrawsTheSamePictureForTheSameSeed(@TempDir Path dir) throws IOException {
    Path folder = assemble(dir.resolve("model"));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(folder, m);
      assertThat(model.vae()).isPresent();
      assertThat(model.defaultSampler()).isEqualTo("ddim");
      TextToImage t2i = TextToImage.of(model);
      Picture a = t2i.generate(request(1), m);
      Picture b = t2i.generate(request(1), m);
      Picture c = t2i.generate(request(2), m);
      assertThat(a.width()).isEqualTo(32);
      assertThat(a.height()).isEqualTo(32);
      assertThat(pixels(a)).containsExactly(pixels(b));
      assertThat(pixels(a)).isNotEqualTo(pixels(c));
    }
  }

  @Test
  void aSavedModelReloadsAndDrawsTheSamePicture(@TempDir Path dir) throws IOException {
    Path folder = assemble(dir.resolve("model"));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(folder, m);
      Picture before = TextToImage.of(model).generate(request(5), m);
      model.save(dir.resolve("copy"));
      DiffusionModel copy = DiffusionModel.load(dir.resolve("copy"), m);
      assertThat(pixels(TextToImage.of(copy).generate(request(5), m))).containsExactly(pixels(before));
    }
  }

  @Test
  void aFolderWithoutItsUnetSaysWhatAModelNeeds(@TempDir Path dir) throws IOException {
    Path folder = assemble(dir.resolve("model"));
    try (Stream<Path> files = Files.walk(folder.resolve("unet"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThatThrownBy(() -> DiffusionModel.load(folder, m))
          .hasMessageContaining("no unet/ folder")
          .hasMessageContaining(folder.toString());
    }
  }

  @Test
  void sizesTheVaeCannotProduceAreRefusedWithTheFactor(@TempDir Path dir) throws IOException {
    Path folder = assemble(dir.resolve("model"));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      TextToImage t2i = TextToImage.of(DiffusionModel.load(folder, m));
      assertThatThrownBy(() -> t2i.generate(request(1).withSize(30, 32), m))
          .hasMessageContaining("multiple of 4");
    }
  }
}
