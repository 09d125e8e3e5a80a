package dev.crossnet.core.edit.video;

import static dev.crossnet.core.edit.video.MovedReference.Motion.SHIFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovedReferenceTest {

  private static final int W = 12;
  private static final int H = 8;

  private static Picture numbered() {
    int[] rgb = new int[W * H];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = i + 1;
    }
    return Picture.ofRgb(W, H, rgb);
  }

  @Test
  void insideTheRegionTheEarlierResultMovesWithTheRegionAndOutsideTheBedrockStays() {
    Picture earlier = numbered();
    Picture bedrock = Picture.filled(W, H, 0xABCDEF);
    Mask before = new Box(2, 1, 3, 3).toMask(W, H);
    Mask now = new Box(5, 3, 3, 3).toMask(W, H);
    Picture moved = MovedReference.of(earlier, List.of(before), null, bedrock, List.of(now), SHIFT);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int expected = now.weight(x, y) > 0 ? earlier.rgb(x - 3, y - 2) : 0xABCDEF;
        assertThat(moved.rgb(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected);
      }
    }
  }

  @Test
  void pixelsMovedInFromOutsideThePictureReadTheNearestEdge() {
    Picture earlier = numbered();
    Mask before = new Box(0, 0, 2, 2).toMask(W, H);
    // centres 0.5 and 4.5: moved 4 right, so the grown region's left column reads one left of the picture
    Mask now = new Box(3, 0, 4, 2).toMask(W, H);
    Picture moved = MovedReference.of(earlier, List.of(before), null, earlier, List.of(now), SHIFT);
    assertThat(moved.rgb(3, 0)).isEqualTo(earlier.rgb(0, 0));
    assertThat(moved.rgb(6, 1)).isEqualTo(earlier.rgb(2, 1));
  }

  @Test
  void mismatchedFramesOrRegionCountsAreRefused() {
    Mask box = new Box(1, 1, 2, 2).toMask(W, H);
    assertThatThrownBy(() -> MovedReference.of(Picture.filled(4, 4, 0), List.of(box), null, numbered(), List.of(box),
        SHIFT))
        .hasMessageContaining("one size");
    assertThatThrownBy(() -> MovedReference.of(numbered(), List.of(box, box), null, numbered(), List.of(box), SHIFT))
        .hasMessageContaining("one region per replacement");
  }
}
