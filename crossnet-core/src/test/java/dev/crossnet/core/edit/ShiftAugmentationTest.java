package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rolling and mirroring training latents. */
class ShiftAugmentationTest {

  @Test
  void rollingMovesEveryCellAndWrapsRound() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      float[] cells = new float[2 * 3 * 4];
      cells[1 * 4 + 3] = 1; // channel 0, row 1, column 3
      cells[12 + 2 * 4] = 2; // channel 1, row 2, column 0
      NDArray a = m.create(cells, new Shape(1, 2, 3, 4));
      float[] rolled = ShiftAugmentation.roll(a, 1, 2).toFloatArray();
      assertThat(rolled[2 * 4 + 1]).isEqualTo(1); // row 2, column (3 + 2) mod 4
      assertThat(rolled[12 + 0 * 4 + 2]).isEqualTo(2); // row (2 + 1) mod 3, column 2
      assertThat(rolled).containsOnly(0f, 1f, 2f);
      assertThat(ShiftAugmentation.roll(a, -3, 8).toFloatArray()).containsExactly(cells);
    }
  }

  @Test
  void aMirroredDrawFlipsColumns() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 1, 2, 3));
      assertThat(new ShiftAugmentation.Draw(0, 0, true).apply(a).toFloatArray())
          .containsExactly(3, 2, 1, 6, 5, 4);
    }
  }

  @Test
  void drawsStayWithinTheShiftAndNoneNeverMoves() {
    SplittableRandom random = new SplittableRandom(5);
    Set<Integer> seen = new HashSet<>();
    ShiftAugmentation two = new ShiftAugmentation(2, false);
    for (int i = 0; i < 200; i++) {
      ShiftAugmentation.Draw d = two.draw(random);
      assertThat(d.dy()).isBetween(-2, 2);
      assertThat(d.dx()).isBetween(-2, 2);
      assertThat(d.mirrored()).isFalse();
      seen.add(d.dx());
      assertThat(ShiftAugmentation.NONE.draw(random)).isEqualTo(new ShiftAugmentation.Draw(0, 0, false));
    }
    assertThat(seen).containsExactlyInAnyOrder(-2, -1, 0, 1, 2);
    assertThatThrownBy(() -> new ShiftAugmentation(-1, true)).hasMessageContaining("0 or more latent cells");
  }
}
