package dev.crossnet.examples.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.video.Video;
import dev.crossnet.core.figureworld.SceneOptions;
import org.junit.jupiter.api.Test;

/** The benchmark's control "the ideal first frame moved along the bedrock's motion". */
class MovedIdealTest {

  @Test
  void theFirstFrameIsTheIdealsAndOutsideTheRegionEveryFrameIsTheBedrocks() {
    ClipCase clip = ClipCase.find(SceneOptions.defaults().withSize(64, 64), 4, 1, "<subject>");

    Video moved = VideoBenchmark.movedIdeal(clip);

    assertThat(moved.frameCount()).isEqualTo(4);
    assertThat(moved.frame(0).rgbPixels()).containsExactly(clip.ideal().frame(0).rgbPixels());
    int insideChanged = 0;
    for (int f = 1; f < 4; f++) {
      Picture frame = moved.frame(f);
      int[] got = frame.rgbPixels();
      int[] bedrock = clip.bedrock().frame(f).rgbPixels();
      Mask region = clip.regions().get(f);
      for (int y = 0; y < frame.height(); y++) {
        for (int x = 0; x < frame.width(); x++) {
          int i = y * frame.width() + x;
          if (region.weight(x, y) <= 0f) {
            assertThat(got[i]).as("frame %d (%d, %d)", f, x, y).isEqualTo(bedrock[i]);
          } else if (got[i] != bedrock[i]) {
            insideChanged++;
          }
        }
      }
    }
    assertThat(insideChanged).as("pixels of the ideal's look carried into later regions").isPositive();
  }
}
