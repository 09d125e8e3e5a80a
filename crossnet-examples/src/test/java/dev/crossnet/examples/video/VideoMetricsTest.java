package dev.crossnet.examples.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.video.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoMetricsTest {

  private static final Mask REGION = new Box(0, 0, 2, 2).toMask(4, 4);

  private static Video clip(int... greys) {
    return Video.of(java.util.Arrays.stream(greys).mapToObj(g -> Picture.filled(4, 4, g * 0x010101)).toList(), 8);
  }

  @Test
  void aResultThatChangesAsTheIdealDoesHasNoFlickerWhateverItsColours() {
    assertThat(VideoMetrics.flicker(clip(10, 30, 20), clip(100, 120, 110), List.of(REGION, REGION, REGION)))
        .isZero();
  }

  @Test
  void flickerIsTheMeanDifferenceOfChangesOverFramePairs() {
    // result changes +40 then 0, ideal 0 then 0: pairs score 40 and 0
    assertThat(VideoMetrics.flicker(clip(10, 50, 50), clip(0, 0, 0), List.of(REGION, REGION, REGION)))
        .isEqualTo(20.0);
    assertThat(VideoMetrics.flicker(clip(10), clip(0), List.of(REGION))).isNaN();
  }

  @Test
  void stabilityIsTheShareOfTheMostCommonReading() {
    assertThat(VideoMetrics.stability(List.of("dog", "dog", "cat", "dog"))).isEqualTo(0.75);
    assertThat(VideoMetrics.stability(List.of())).isNaN();
  }
}
