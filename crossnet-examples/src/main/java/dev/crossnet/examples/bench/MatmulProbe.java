package dev.crossnet.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Measures the float32 matrix-multiply rate DJL reaches on this machine: the ceiling to compare with. */
final class MatmulProbe {

  private MatmulProbe() {}

  /**
   * The rate of n x n by n x n products (2 n^3 FLOPs each) after one warm-up: best wall-clock GFLOP/s and
   * GFLOP per CPU-second of the process (which a busy machine does not distort).
   */
  record Rate(double gflops, double gflopPerCpuSecond) {}

  static Rate measure(NDManager manager, int n, int runs) {
    try (NDManager m = manager.newSubManager()) {
      NDArray a = m.randomNormal(new Shape(n, n));
      NDArray b = m.randomNormal(new Shape(n, n));
      a.matMul(b).close();
      double best = Double.MAX_VALUE;
      long cpu0 = ProcStatus.cpuNanos();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        NDArray c = a.matMul(b);
        c.getFloat(0, 0); // forces completion
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        c.close();
      }
      double cpu = (ProcStatus.cpuNanos() - cpu0) / 1e9;
      double gflop = 2.0 * n * n * n / 1e9;
      return new Rate(gflop / best, gflop * runs / cpu);
    }
  }
}
