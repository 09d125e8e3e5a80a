package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.image.PictureResize;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.model.JsonConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipImageProcessorTest {

  private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

  /** The golden's settings: shortest edge 32, 32x32 crop, OpenAI statistics. */
  private static ClipImageProcessor small(boolean resize) {
    return ClipImageProcessor.from(JsonConfig.parse("small.json", """
        {"do_resize": %s, "size": {"shortest_edge": 32}, "crop_size": {"height": 32, "width": 32},
         "resample": 3}""".formatted(resize)));
  }

  /** A picture whose red level is 5 x its column and blue level 5 x its row. */
  private static Picture ramps(int width, int height) {
    int[] rgb = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        rgb[y * width + x] = (5 * x) << 16 | 5 * y;
      }
    }
    return Picture.ofRgb(width, height, rgb);
  }

  private static float normalised(int level, int channel) {
    return (level / 255f - MEAN[channel]) / STD[channel];
  }

  @Test
  void theShortestSideIsResizedAndTheOtherScaledAndTruncated() {
    ClipImageProcessor p = small(true);
    assertThat(p.resizedSize(64, 48)).containsExactly(42, 32);
    assertThat(p.resizedSize(48, 65)).containsExactly(32, 43);
    assertThat(p.resize(ramps(64, 48)).width()).isEqualTo(42);
  }

  @Test
  void picturesOfAnySizeComeOutAsCropSizedBatches() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray pixels = small(true).preprocess(List.of(ramps(64, 48), ramps(20, 50)), m);
      assertThat(pixels.getShape()).isEqualTo(new Shape(2, 3, 32, 32));
    }
  }

  @Test
  void aUniformColourBecomesItsNormalisedLevelsPerChannel() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray pixels = small(true).preprocess(List.of(Picture.filled(70, 45, 0xC86432)), m);
      int[] levels = {0xC8, 0x64, 0x32};
      for (int c = 0; c < 3; c++) {
        NDArray channel = pixels.get(new NDIndex("0, {}", c));
        assertThat(channel.min().getFloat()).isCloseTo(normalised(levels[c], c), within(1e-6f));
        assertThat(channel.max().getFloat()).isCloseTo(normalised(levels[c], c), within(1e-6f));
      }
    }
  }

  @Test
  void theCropTakesTheCentreRoundingTheOffsetDown() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      // 41x35 without resize: left = (41 - 32) / 2 = 4, top = (35 - 32) / 2 = 1
      float[] chw = small(false).preprocess(List.of(ramps(41, 35)), m).toFloatArray();
      int n = 32 * 32;
      assertThat(chw[0]).isCloseTo(normalised(5 * 4, 0), within(1e-6f));
      assertThat(chw[31]).isCloseTo(normalised(5 * 35, 0), within(1e-6f));
      assertThat(chw[2 * n]).isCloseTo(normalised(5, 2), within(1e-6f));
      assertThat(chw[2 * n + 31 * 32]).isCloseTo(normalised(5 * 32, 2), within(1e-6f));
    }
  }

  @Test
  void aPictureSmallerThanTheCropIsCentredOnBlack() {
    Picture cropped = small(false).centerCrop(Picture.filled(29, 32, 0xFFFFFF));
    // ceil((32 - 29) / 2) = 2 black columns on the left, 1 on the right
    assertThat(cropped.rgb(1, 5)).isZero();
    assertThat(cropped.rgb(2, 5)).isEqualTo(0xFFFFFF);
    assertThat(cropped.rgb(30, 5)).isEqualTo(0xFFFFFF);
    assertThat(cropped.rgb(31, 5)).isZero();
  }

  @Test
  void theGoldensPreprocessorConfigIsRead() {
    Path model = Goldens.folder("clip-vision-a").resolve("model");
    ClipImageProcessor p = ClipImageProcessor.load(model);
    assertThat(p).isEqualTo(small(true));
    assertThat(p.resample()).isEqualTo(PictureResize.Filter.BICUBIC);
    assertThat(p.rescaleFactor()).isCloseTo(1f / 255f, within(1e-9f));
    assertThat(p.mean()).containsExactly(MEAN);
    assertThat(p.std()).containsExactly(STD);
  }

  @Test
  void aFolderWithoutAConfigGetsOpenAisProcessing(@TempDir Path empty) {
    ClipImageProcessor p = ClipImageProcessor.load(empty);
    assertThat(p).isEqualTo(ClipImageProcessor.openAi());
    assertThat(p.shortestEdge()).isEqualTo(224);
    assertThat(p.cropWidth()).isEqualTo(224);
  }

  @Test
  void olderConfigsWithBareSizesAreRead() {
    ClipImageProcessor p = ClipImageProcessor.from(JsonConfig.parse("old.json", """
        {"size": 336, "crop_size": 336}"""));
    assertThat(p.shortestEdge()).isEqualTo(336);
    assertThat(p.cropHeight()).isEqualTo(336);
    assertThat(p.cropWidth()).isEqualTo(336);
  }

  @Test
  void aSizeObjectWithoutItsKeyIsRefusedNamingTheFile() {
    JsonConfig c = JsonConfig.parse("bad.json", """
        {"size": {"height": 224, "width": 224}}""");
    assertThatThrownBy(() -> ClipImageProcessor.from(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("shortest_edge");
  }
}
