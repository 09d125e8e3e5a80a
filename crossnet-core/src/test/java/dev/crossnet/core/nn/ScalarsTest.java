package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class ScalarsTest {

  @Test
  void aScalarKeptByAutogradOutlivesItsClosedWrapperAndTheGarbageCollector() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1f, 2f});
      x.setRequiresGradient(true);
      try (var gc = Engine.getInstance().newGradientCollector()) {
        NDArray s = Scalars.of(x, 3f);
        NDArray y = x.mul(s).sum();
        s.close();
        for (int i = 0; i < 3; i++) {
          byte[][] churn = new byte[64][];
          for (int j = 0; j < churn.length; j++) {
            churn[j] = new byte[1 << 16];
          }
          System.gc();
        }
        gc.backward(y);
      }
      assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f);
    }
  }

  @Test
  void quickGeluHasTheAnalyticGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {-1f, 0.5f});
      x.setRequiresGradient(true);
      try (var gc = Engine.getInstance().newGradientCollector()) {
        NDArray y = Activations.quickGelu(x).sum();
        System.gc();
        gc.backward(y);
      }
      float[] g = x.getGradient().toFloatArray();
      for (int i = 0; i < 2; i++) {
        double v = i == 0 ? -1 : 0.5;
        double sig = 1 / (1 + Math.exp(-1.702 * v));
        assertThat((double) g[i]).isCloseTo(sig + v * 1.702 * sig * (1 - sig), org.assertj.core.data.Offset.offset(1e-5));
      }
    }
  }
}
