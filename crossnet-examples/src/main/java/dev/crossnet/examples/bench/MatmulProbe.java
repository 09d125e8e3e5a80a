package dev.crossnet.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Measures the float32 matrix-multiply rate DJL reaches on this machine: the ceiling to compare with. */
final class MatmulProbe {

  private MatmulProbe() {}

  /** Best GFLOP/s of {@code runs} n x n by n x n products (2 n^3 FLOPs each), after one warm-up. */
  static double gflops(NDManager manager, int n, int runs) {
    try (NDManager m = manager.newSubManager()) {
      NDArray a = m.randomNormal(new Shape(n, n));
      NDArray b = m.randomNormal(new Shape(n, n));
      a.matMul(b).close();
      double best = Double.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        NDArray c = a.matMul(b);
        c.getFloat(0, 0); // forces completion
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        c.close();
      }
      return 2.0 * n * n * n / best / 1e9;
    }
  }
}
