package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.core.engine.OfflineEngine;
import org.junit.jupiter.api.Test;

class ShiftedNoiseTest {

  @Test
  void theNoiseFieldIsRolledByWholeCellsPlaneByPlane() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Shape shape = new Shape(1, 2, 3, 4);
      float[] plain = NoiseSource.seeded(5).next(m, shape).toFloatArray();
      float[] moved = ShiftedNoise.of(NoiseSource.seeded(5), 1, -1).next(m, shape).toFloatArray();
      for (int p = 0; p < 2; p++) {
        for (int y = 0; y < 3; y++) {
          for (int x = 0; x < 4; x++) {
            int to = p * 12 + Math.floorMod(y - 1, 3) * 4 + Math.floorMod(x + 1, 4);
            assertThat(moved[to]).isEqualTo(plain[p * 12 + y * 4 + x]);
          }
        }
      }
    }
  }

  @Test
  void noShiftIsTheSourceItselfAndOtherShapesPassThrough() {
    NoiseSource source = NoiseSource.seeded(1);
    assertThat(ShiftedNoise.of(source, 0, 0)).isSameAs(source);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray flat = ShiftedNoise.of(NoiseSource.seeded(2), 3, 1).next(m, new Shape(6));
      assertThat(flat.toFloatArray()).containsExactly(NoiseSource.seeded(2).next(m, new Shape(6)).toFloatArray());
    }
  }
}
