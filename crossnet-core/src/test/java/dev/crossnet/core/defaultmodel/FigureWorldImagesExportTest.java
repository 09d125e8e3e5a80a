package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureWorldImagesExportTest {

  @TempDir Path dir;

  @Test
  void theExportHoldsEveryPixelMaskAndCaptionInTheDocumentedLayout() throws IOException {
    FigureWorldImages images = FigureWorldImages.render(SceneOptions.defaults().withSize(16, 16).withFigures(1, 2)
        .withSplit(Split.TRAIN), 3, 77);
    Path file = dir.resolve("set.bin.gz");
    images.export(file);
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)));
        NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThat(new String(in.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("CNFW");
      assertThat(in.readInt()).isEqualTo(1);
      assertThat(in.readInt()).isEqualTo(3);
      assertThat(in.readInt()).isEqualTo(16);
      for (int i = 0; i < 3; i++) {
        byte[] pixels = in.readNBytes(16 * 16 * 3);
        byte[] mask = in.readNBytes(16 * 16);
        int[] rgb = images.picture(i).rgbPixels();
        float[] weights = images.figureWeights(new int[] {i}, 1f, m).toFloatArray();
        for (int k = 0; k < 16 * 16; k++) {
          int packed = (pixels[3 * k] & 0xFF) << 16 | (pixels[3 * k + 1] & 0xFF) << 8 | (pixels[3 * k + 2] & 0xFF);
          assertThat(packed).isEqualTo(rgb[k] & 0xFFFFFF);
          assertThat(mask[k]).isEqualTo((byte) (weights[k] > 1 ? 1 : 0));
        }
        assertThat(in.readUTF()).isEqualTo(images.caption(i));
      }
      assertThat(in.read()).isEqualTo(-1);
    }
  }
}
