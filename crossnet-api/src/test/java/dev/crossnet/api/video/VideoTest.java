package dev.crossnet.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoTest {

  private static final Picture RED = Picture.filled(4, 3, 0xFF0000);
  private static final Picture BLUE = Picture.filled(4, 3, 0x0000FF);

  @Test
  void holdsItsFramesAndRate() {
    Video v = Video.of(List.of(RED, BLUE, RED), 12);
    assertThat(v.frameCount()).isEqualTo(3);
    assertThat(v.frame(1)).isEqualTo(BLUE);
    assertThat(v.width()).isEqualTo(4);
    assertThat(v.height()).isEqualTo(3);
    assertThat(v.framesPerSecond()).isEqualTo(12.0);
    assertThat(v.duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(v).hasToString("Video[4x3, 3 frames, 12.0 fps]");
  }

  @Test
  void framesCannotBeChangedAfterwards() {
    List<Picture> frames = new ArrayList<>(List.of(RED));
    Video v = Video.of(frames, 12);
    frames.add(BLUE);
    assertThat(v.frameCount()).isEqualTo(1);
    assertThatThrownBy(() -> v.frames().add(BLUE)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEmptyVideoIsRefused() {
    assertThatThrownBy(() -> Video.of(List.of(), 12)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one frame");
  }

  @Test
  void framesOfDifferentSizesAreRefusedNamingTheFrame() {
    assertThatThrownBy(() -> Video.of(List.of(RED, RED, RED, Picture.filled(4, 2, 0)), 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame 3 is 4x2 but frame 0 is 4x3; every frame of a video must have the same size");
  }

  @Test
  void aRateThatIsNotAPositiveNumberIsRefused() {
    for (double fps : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> Video.of(List.of(RED), fps)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("framesPerSecond must be a finite number above 0, got " + fps);
    }
  }

  @Test
  void aMissingFrameIndexNamesTheRange() {
    Video v = Video.of(List.of(RED, BLUE), 12);
    assertThatThrownBy(() -> v.frame(2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("frames 0 to 1");
  }

  @Test
  void withFramesKeepsTheRate() {
    Video v = Video.of(List.of(RED), 7.5).withFrames(List.of(BLUE, BLUE));
    assertThat(v.frames()).containsExactly(BLUE, BLUE);
    assertThat(v.framesPerSecond()).isEqualTo(7.5);
  }

  @Test
  void sideBySidePlacesFramesLeftToRight() {
    Video left = Video.of(List.of(RED, BLUE), 12);
    Video right = Video.of(List.of(Picture.filled(2, 3, 0x00FF00), Picture.filled(2, 3, 0x00FF00)), 24);
    Video both = Video.sideBySide(left, right);
    assertThat(both.width()).isEqualTo(6);
    assertThat(both.height()).isEqualTo(3);
    assertThat(both.framesPerSecond()).isEqualTo(12.0);
    assertThat(both.frame(1).rgb(3, 2)).isEqualTo(0x0000FF);
    assertThat(both.frame(1).rgb(4, 0)).isEqualTo(0x00FF00);
    assertThat(both.frame(0).rgb(0, 0)).isEqualTo(0xFF0000);
  }

  @Test
  void sideBySideNeedsTheSameFrameCountAndHeight() {
    Video two = Video.of(List.of(RED, RED), 12);
    assertThatThrownBy(() -> Video.sideBySide(two, Video.of(List.of(RED), 12)))
        .hasMessageContaining("video 1 has 1 frames but video 0 has 2");
    assertThatThrownBy(() -> Video.sideBySide(two, Video.of(List.of(Picture.filled(4, 5, 0), Picture.filled(4, 5, 0)), 12)))
        .hasMessageContaining("video 1 is 5 pixels high but video 0 is 3");
  }

  @Test
  void equalVideosHaveEqualFramesAndRate() {
    Video a = Video.of(List.of(RED, BLUE), 12);
    assertThat(a).isEqualTo(Video.of(List.of(Picture.filled(4, 3, 0xFF0000), BLUE), 12))
        .hasSameHashCodeAs(Video.of(List.of(RED, BLUE), 12));
    assertThat(a).isNotEqualTo(Video.of(List.of(RED, BLUE), 24));
    assertThat(a).isNotEqualTo(Video.of(List.of(BLUE, RED), 12));
  }
}
