package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.train.GradientSelfCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * CrossNet's convolution against a plain-Java reference, forward and backward. On AVX-512 processors DJL's own
 * convolution gets the input gradient wrong for most output channel counts (see {@link Convolution}); these
 * tests hold on every processor.
 */
class ConvolutionTest {

  private static final int[] OUTPUT_CHANNELS = {3, 4, 8, 12, 16, 20, 32};

  @Test
  void inputWeightAndBiasGradientsAreExactForEveryOutputChannelCountAndStride() {
    List<String> wrong = new ArrayList<>();
    for (int in : new int[] {3, 8, 20, 24, 32}) {
      for (int out : OUTPUT_CHANNELS) {
        for (int stride = 1; stride <= 2; stride++) {
          Case c = new Case(2, in, 8, out, 3, stride, 1, in * 100L + out * 10L + stride);
          wrong.addAll(c.errors("CrossNet", Convolution::conv2d));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void djlsOwnConvolutionIsRightOnWholeChannelBlocks() {
    // the premise of the workaround: the engine's kernels are right for whole AVX-512 channel blocks (and for
    // inputs narrower than one block)
    List<String> wrong = new ArrayList<>();
    for (int in : new int[] {3, 4, 16, 32}) {
      for (int out : new int[] {16, 32, 48}) {
        wrong.addAll(new Case(2, in, 8, out, 3, 1, 1, in * 7L + out).errors("DJL", Convolution::raw));
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void outsideAutogradAWideInputThatIsNotWholeBlocksGivesTheRightOutput() {
    for (int in : new int[] {20, 24, 40}) {
      Case c = new Case(3, in, 8, 8, 3, 1, 1, in);
      assertThat(c.forwardErrors()).as("%s", c).isEmpty();
    }
  }

  @Test
  void outsideAutogradTheConvolutionIsTheEnginesOwnBitForBit() {
    Engine engine = OfflineEngine.get();
    try (NDManager m = engine.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(2, 4, 8, 8));
      NDArray w = m.randomNormal(new Shape(4, 4, 3, 3));
      NDArray b = m.randomNormal(new Shape(4));
      assertThat(Convolution.conv2d(x, w, b, 1, 1).toFloatArray())
          .containsExactly(Convolution.raw(x, w, b, 1, 1).toFloatArray());
    }
  }

  @Test
  void theWorkaroundFreesEveryIntermediate() {
    Engine engine = OfflineEngine.get();
    try (NDManager m = engine.newBaseManager()) {
      // 20 input channels and 4 filters: both the input and the output are padded
      NDArray x = m.randomNormal(new Shape(2, 20, 8, 8));
      NDArray w = m.randomNormal(new Shape(4, 20, 3, 3));
      NDArray b = m.randomNormal(new Shape(4));
      w.setRequiresGradient(true);
      try (NDManager step = m.newSubManager()) {
        NDArray lent = x.duplicate();
        lent.attach(step);
        int before = dev.crossnet.core.testing.OpenResources.count(m);
        NDArray y = Convolution.conv2d(lent, w, b, 1, 1);
        assertThat(y.getShape()).isEqualTo(new Shape(2, 4, 8, 8));
        assertThat(y.getManager()).isSameAs(step);
        assertThat(dev.crossnet.core.testing.OpenResources.count(m)).isEqualTo(before);
      }
    }
  }

  /** One convolution with random inputs and its reference values computed in double precision. */
  record Case(int batch, int in, int size, int out, int kernel, int stride, int padding, long seed) {

    List<String> errors(String who, GradientSelfCheck.ConvolutionOp op) {
      SplittableRandom random = new SplittableRandom(seed);
      float[] x = gaussian(random, batch * in * size * size);
      float[] w = gaussian(random, out * in * kernel * kernel);
      float[] b = gaussian(random, out);
      int outSize = (size + 2 * padding - kernel) / stride + 1;
      float[] u = gaussian(random, batch * out * outSize * outSize);
      double[] dx = new double[x.length];
      double[] dw = new double[w.length];
      double[] db = new double[b.length];
      reference(x, w, u, outSize, dx, dw, db);
      Engine engine = OfflineEngine.get();
      try (NDManager m = engine.newBaseManager()) {
        NDArray xa = m.create(x, new Shape(batch, in, size, size));
        NDArray wa = m.create(w, new Shape(out, in, kernel, kernel));
        NDArray ba = m.create(b, new Shape(out));
        NDArray ua = m.create(u, new Shape(batch, out, outSize, outSize));
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        ba.setRequiresGradient(true);
        List<String> errors = new ArrayList<>();
        dirty(m);
        try (GradientCollector gc = engine.newGradientCollector()) {
          NDArray y = op.apply(xa, wa, ba, stride, padding);
          check(who + " y", y.toFloatArray(), forward(x, w, b, outSize), errors);
          gc.backward(y.mul(ua).sum());
        }
        check(who + " dX", xa.getGradient().toFloatArray(), dx, errors);
        check(who + " dW", wa.getGradient().toFloatArray(), dw, errors);
        check(who + " dB", ba.getGradient().toFloatArray(), db, errors);
        return errors;
      }
    }

    /** What CrossNet's convolution gets wrong outside autograd. */
    List<String> forwardErrors() {
      SplittableRandom random = new SplittableRandom(seed);
      float[] x = gaussian(random, batch * in * size * size);
      float[] w = gaussian(random, out * in * kernel * kernel);
      float[] b = gaussian(random, out);
      int outSize = (size + 2 * padding - kernel) / stride + 1;
      try (NDManager m = OfflineEngine.get().newBaseManager()) {
        NDArray xa = m.create(x, new Shape(batch, in, size, size));
        NDArray wa = m.create(w, new Shape(out, in, kernel, kernel));
        NDArray ba = m.create(b, new Shape(out));
        List<String> errors = new ArrayList<>();
        dirty(m);
        check("CrossNet y", Convolution.conv2d(xa, wa, ba, stride, padding).toFloatArray(), forward(x, w, b, outSize),
            errors);
        return errors;
      }
    }

    /** Leaves NaN in freed native memory, where a kernel that reads what it never wrote finds it. */
    private static void dirty(NDManager m) {
      for (int i = 0; i < 4; i++) {
        m.full(new Shape(1 << 16), Float.NaN).close();
      }
    }

    private double[] forward(float[] x, float[] w, float[] b, int outSize) {
      double[] y = new double[batch * out * outSize * outSize];
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < out; o++) {
          for (int i = 0; i < outSize; i++) {
            for (int j = 0; j < outSize; j++) {
              double sum = b[o];
              for (int c = 0; c < in; c++) {
                for (int kh = 0; kh < kernel; kh++) {
                  for (int kw = 0; kw < kernel; kw++) {
                    int r = i * stride + kh - padding;
                    int q = j * stride + kw - padding;
                    if (r >= 0 && q >= 0 && r < size && q < size) {
                      sum += w[((o * in + c) * kernel + kh) * kernel + kw] * (double) x[((n * in + c) * size + r) * size + q];
                    }
                  }
                }
              }
              y[((n * out + o) * outSize + i) * outSize + j] = sum;
            }
          }
        }
      }
      return y;
    }

    private void reference(float[] x, float[] w, float[] u, int outSize, double[] dx, double[] dw, double[] db) {
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < out; o++) {
          for (int i = 0; i < outSize; i++) {
            for (int j = 0; j < outSize; j++) {
              double g = u[((n * out + o) * outSize + i) * outSize + j];
              db[o] += g;
              for (int c = 0; c < in; c++) {
                for (int kh = 0; kh < kernel; kh++) {
                  for (int kw = 0; kw < kernel; kw++) {
                    int r = i * stride + kh - padding;
                    int q = j * stride + kw - padding;
                    if (r >= 0 && q >= 0 && r < size && q < size) {
                      int xi = ((n * in + c) * size + r) * size + q;
                      int wi = ((o * in + c) * kernel + kh) * kernel + kw;
                      dx[xi] += g * w[wi];
                      dw[wi] += g * x[xi];
                    }
                  }
                }
              }
            }
          }
        }
      }
    }

    private void check(String what, float[] actual, double[] expected, List<String> errors) {
      double scale = 1;
      for (double v : expected) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < expected.length; i++) {
        if (!(Math.abs(actual[i] - expected[i]) <= 1e-4 * scale)) {
          errors.add(String.format("%s wrong for %s (first at %d: %s, expected %.5g)", what, this, i, actual[i],
              expected[i]));
          return;
        }
      }
    }

    private static float[] gaussian(SplittableRandom random, int n) {
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = (float) (random.nextDouble() * 2 - 1);
      }
      return v;
    }
  }
}
