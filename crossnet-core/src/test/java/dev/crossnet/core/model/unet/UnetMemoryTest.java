package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.nn.GradMode;
import org.junit.jupiter.api.Test;

// GradMode resources switch a thread mode for the block; they are not used in it.
@SuppressWarnings("try")
class UnetMemoryTest {

  @Test
  void repeatedForwardsLeaveOnlyTheirOutputsInTheCallersManager() {
    try (NDManager weights = OfflineEngine.get().newBaseManager();
        NDManager caller = OfflineEngine.get().newBaseManager();
        GradMode off = GradMode.disabled()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SMALL, weights);
      NDArray x = caller.randomNormal(new Shape(2, 4, 8, 8));
      NDArray t = caller.create(new long[] {900, 20});
      NDArray text = caller.randomNormal(new Shape(2, 3, 8));
      int weightsBefore = weights.getManagedArrays().size();
      int callerBefore = caller.getManagedArrays().size();
      for (int i = 0; i < 5; i++) {
        unet.forward(x, t, text).close();
      }
      NDArray kept = unet.forward(x, t, text);
      assertThat(caller.getManagedArrays()).hasSize(callerBefore + 1).contains(kept);
      assertThat(weights.getManagedArrays()).hasSize(weightsBefore);
    }
  }
}
