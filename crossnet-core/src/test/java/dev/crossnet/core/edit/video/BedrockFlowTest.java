package dev.crossnet.core.edit.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import java.util.List;
import org.junit.jupiter.api.Test;

class BedrockFlowTest {

  private static final int SIZE = 40;

  /** A textured square (each pixel its own colour) at (x, y) on a flat grey ground. */
  private static Picture square(int x0, int y0) {
    int[] rgb = new int[SIZE * SIZE];
    java.util.Arrays.fill(rgb, 0x808080);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        rgb[(y0 + y) * SIZE + x0 + x] = ((x * 25) << 16) | ((y * 25) << 8) | ((x * y) & 0xFF);
      }
    }
    return Picture.ofRgb(SIZE, SIZE, rgb);
  }

  @Test
  void pixelsOfAMovingSquareComeFromWhereTheSquareWasAndTheGroundStays() {
    Picture before = square(10, 12);
    Picture after = square(14, 10);
    Mask region = new Box(6, 4, 26, 24).toMask(SIZE, SIZE);
    BedrockFlow flow = BedrockFlow.between(before, after, region, 0, 0);
    for (int y = 12; y < 18; y++) {
      for (int x = 16; x < 22; x++) {
        assertThat(flow.sourceX(x, y)).as("x of %d,%d", x, y).isEqualTo(x - 4);
        assertThat(flow.sourceY(x, y)).as("y of %d,%d", x, y).isEqualTo(y + 2);
      }
    }
    // flat ground far from the square matches everywhere: no motion wins the tie
    assertThat(flow.sourceX(7, 30)).isEqualTo(7);
    assertThat(flow.sourceY(7, 30)).isEqualTo(30);
  }

  @Test
  void theEarlierResultMovesAlongTheBedrocksMotion() {
    Picture before = square(10, 12);
    Picture after = square(14, 10);
    Picture earlierResult = square(10, 12);
    Mask region = new Box(6, 4, 26, 24).toMask(SIZE, SIZE);
    Picture moved = MovedReference.of(earlierResult, List.of(region), before, after, List.of(region),
        MovedReference.Motion.FLOW);
    for (int y = 12; y < 18; y++) {
      for (int x = 16; x < 22; x++) {
        assertThat(moved.rgb(x, y)).isEqualTo(after.rgb(x, y));
      }
    }
  }
}
