package dev.crossnet.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.engine.Processor;
import dev.crossnet.core.nn.Convolution;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before the first training step of a JVM, that the engine computes right gradients on this machine:
 * tiny convolutions (the operation whose AVX-512 kernels once gave NaN) are run forward and backward and
 * their outputs and input, weight and bias gradients are compared with values computed here in plain Java. A training on an
 * engine that fails this would only produce NaN or wrong weights, so it stops with a message that names the
 * processor and the workaround instead.
 */
public final class GradientSelfCheck {

  /** The native operation under test, so that tests can hand in a faulty one. */
  @FunctionalInterface
  public interface ConvolutionOp {
    NDArray apply(NDArray x, NDArray weight, NDArray bias, int stride, int padding);
  }

  private static final Logger LOG = LoggerFactory.getLogger(GradientSelfCheck.class);
  private static final int BATCH = 2;
  /** Input widths: below one channel block, and above it but not a multiple of it (two faulty kernels). */
  private static final int[] IN = {4, 20};
  private static final int OUT = 4;
  private static final int SIZE = 8;
  private static final int KERNEL = 3;
  private static final double TOLERANCE = 1e-3;
  private static final int ROUNDS = 3;
  /** The faults CrossNet's convolution showed in this JVM; null until checked. */
  private static List<String> found;

  private GradientSelfCheck() {}

  /**
   * Runs the check once per JVM (CrossNet's own convolution) and throws when it failed.
   *
   * @throws IllegalStateException naming the processor, the wrong gradient and the workaround
   */
  public static synchronized void require() {
    if (found == null) {
      found = List.copyOf(faults(Convolution::conv2d));
      LOG.debug("gradient self-check on {}: {}", Processor.current().describe(), found.isEmpty() ? "passed" : found);
    }
    if (!found.isEmpty()) {
      throw failure(found, Processor.current());
    }
  }

  /** What {@code op} gets wrong, one line per output or gradient (empty when it is right), at stride 1 and 2. */
  public static List<String> faults(ConvolutionOp op) {
    Engine engine = OfflineEngine.get();
    Set<String> faults = new LinkedHashSet<>();
    // a faulty kernel may read memory it never wrote, which is often still zero early in a process: repeat
    for (int round = 0; round < ROUNDS; round++) {
      for (int in : IN) {
        for (int stride = 1; stride <= 2; stride++) {
          Expected e = new Expected(in, stride);
          try (NDManager m = engine.newBaseManager()) {
            // garbage in freed memory, so that a kernel reading what it never wrote shows it
            m.full(new Shape(1 << 16), Float.NaN).close();
            NDArray x = m.create(e.x, new Shape(BATCH, in, SIZE, SIZE));
            NDArray w = m.create(e.w, new Shape(OUT, in, KERNEL, KERNEL));
            NDArray b = m.create(e.b, new Shape(OUT));
            NDArray u = m.create(e.upstream, new Shape(BATCH, OUT, e.outSize, e.outSize));
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (GradientCollector collector = engine.newGradientCollector()) {
              NDArray y = op.apply(x, w, b, stride, 1);
              compare("output", y.toFloatArray(), e.y, e, faults);
              collector.backward(y.mul(u).sum());
            }
            compare("input gradient", x.getGradient().toFloatArray(), e.dx, e, faults);
            compare("weight gradient", w.getGradient().toFloatArray(), e.dw, e, faults);
            compare("bias gradient", b.getGradient().toFloatArray(), e.db, e, faults);
          }
        }
      }
    }
    return List.copyOf(faults);
  }

  static IllegalStateException failure(List<String> faults, Processor processor) {
    return new IllegalStateException("the PyTorch engine computes wrong gradients on this processor, "
        + processor.describe() + ", so training here would only give NaN or wrong weights. Self-check of "
        + KERNEL + "x" + KERNEL + " convolutions of " + BATCH + " pictures " + SIZE + "x" + SIZE + " with "
        + OUT + " output channels: "
        + String.join("; ", faults) + ". Workaround to try: start the JVM with the environment variable "
        + "ONEDNN_MAX_CPU_ISA=AVX2, which keeps oneDNN off its AVX-512 kernels"
        + (processor.hasAvx512() ? " (this processor has AVX-512)" : "")
        + "; and report the processor model with this message");
  }

  private static void compare(String what, float[] actual, double[] expected, Expected e, Set<String> faults) {
    double scale = 0;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    double worst = 0;
    int wrong = 0;
    for (int i = 0; i < expected.length; i++) {
      double error = Float.isFinite(actual[i]) ? Math.abs(actual[i] - expected[i]) : Double.POSITIVE_INFINITY;
      if (error > TOLERANCE * (1 + scale)) {
        wrong++;
        worst = Math.max(worst, error);
      }
    }
    if (wrong > 0) {
      faults.add(String.format("%s of %d input channels at stride %d wrong (largest error %.3g, values up to %.3g)",
          what, e.in, e.stride, worst, scale));
    }
  }

  /** Inputs made from a formula and the outputs and gradients computed from them in double precision. */
  private static final class Expected {
    final int in;
    final int stride;
    final float[] x;
    final float[] w;
    final float[] b = wave(OUT, 1.3, 0.2, 0.5);
    final int outSize;
    final float[] upstream;
    final double[] y;
    final double[] dx;
    final double[] dw;
    final double[] db = new double[b.length];

    Expected(int in, int stride) {
      this.in = in;
      this.stride = stride;
      x = wave(BATCH * in * SIZE * SIZE, 0.37, 0.1, 1);
      w = wave(OUT * in * KERNEL * KERNEL, 0.53, 0.7, 0.3);
      dx = new double[x.length];
      dw = new double[w.length];
      outSize = (SIZE + 2 - KERNEL) / stride + 1;
      upstream = wave(BATCH * OUT * outSize * outSize, 0.71, 0.3, 1);
      y = new double[upstream.length];
      for (int n = 0; n < BATCH; n++) {
        for (int o = 0; o < OUT; o++) {
          for (int i = 0; i < outSize; i++) {
            for (int j = 0; j < outSize; j++) {
              int yi = ((n * OUT + o) * outSize + i) * outSize + j;
              double u = upstream[yi];
              double sum = b[o];
              db[o] += u;
              for (int c = 0; c < in; c++) {
                for (int kh = 0; kh < KERNEL; kh++) {
                  for (int kw = 0; kw < KERNEL; kw++) {
                    int r = i * stride + kh - 1;
                    int q = j * stride + kw - 1;
                    if (r < 0 || q < 0 || r >= SIZE || q >= SIZE) {
                      continue;
                    }
                    int xi = ((n * in + c) * SIZE + r) * SIZE + q;
                    int wi = ((o * in + c) * KERNEL + kh) * KERNEL + kw;
                    sum += w[wi] * (double) x[xi];
                    dx[xi] += u * w[wi];
                    dw[wi] += u * x[xi];
                  }
                }
              }
              y[yi] = sum;
            }
          }
        }
      }
    }

    private static float[] wave(int n, double frequency, double phase, double amplitude) {
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = (float) (amplitude * Math.sin(frequency * i + phase));
      }
      return v;
    }
  }
}
