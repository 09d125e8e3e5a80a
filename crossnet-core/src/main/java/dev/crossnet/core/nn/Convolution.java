package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The 2-D convolution every CrossNet module calls, with gradients that are right on every x86-64 processor.
 *
 * <p>Why not DJL's {@code Conv2d.conv2d} alone: libtorch 2.7.1 (DJL 0.36) hands float32 convolutions to
 * oneDNN, and two of oneDNN's kernels with a kernel larger than 1x1 read memory they never wrote, giving garbage
 * or NaN (found on AMD EPYC with AVX-512; the second also with oneDNN capped at AVX2):
 * <ul>
 *   <li>the forward pass, when the input has more than 16 channels and not a multiple of 16 (20, 24, 40...);
 *   <li>the input gradient, when the output channels are not a multiple of 16 (the AVX-512 channel block; AVX2's
 *       is 8).
 * </ul>
 * So such a convolution runs on whole channel blocks: zero input channels (and zero weight columns) are
 * appended in the first case, zero filters in the second, whose extra outputs are cut off again. The values
 * are the same and the gradients exact. A convolution that needs neither (every width of the shipped models
 * outside training) runs unchanged. See {@code docs/engine/avx512-convolution-gradients.md}.
 */
public final class Convolution {

  /** oneDNN's AVX-512 channel block (a multiple of AVX2's): whole blocks meet no faulty kernel. */
  static final long CHANNEL_BLOCK = 16;

  private Convolution() {}

  /**
   * A convolution of x [N, C, H, W] with weight [O, C, kh, kw] and an optional bias [O], the same stride and
   * zero padding on both axes, no dilation, one group.
   */
  public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    Shape w = weight.getShape();
    long in = w.get(1);
    long out = w.get(0);
    boolean pointwise = w.get(2) == 1 && w.get(3) == 1;
    boolean padIn = !pointwise && in > CHANNEL_BLOCK && in % CHANNEL_BLOCK != 0;
    boolean padOut = !pointwise && out % CHANNEL_BLOCK != 0 && tracked(x, weight, bias);
    if (!padIn && !padOut) {
      return raw(x, weight, bias, stride, padding);
    }
    try (Scope s = bias == null ? Scope.of(x, weight) : Scope.of(x, weight, bias)) {
      NDManager m = s.manager();
      NDArray input = x;
      NDArray filters = weight;
      NDArray offsets = bias;
      if (padIn) {
        long extra = roundUp(in) - in;
        Shape xs = x.getShape();
        input = x.concat(m.zeros(new Shape(xs.get(0), extra, xs.get(2), xs.get(3)), x.getDataType()), 1);
        filters = filters.concat(m.zeros(new Shape(out, extra, w.get(2), w.get(3)), weight.getDataType()), 1);
        // an op on a parameter is registered with the parameter's manager: move it into the scope
        m.attachAll(filters);
      }
      if (padOut) {
        long extra = roundUp(out) - out;
        Shape fs = filters.getShape();
        filters = filters.concat(m.zeros(new Shape(extra, fs.get(1), fs.get(2), fs.get(3)), weight.getDataType()), 0);
        m.attachAll(filters);
        if (offsets != null) {
          offsets = offsets.concat(m.zeros(new Shape(extra), bias.getDataType()), 0);
          m.attachAll(offsets);
        }
      }
      NDArray y = raw(input, filters, offsets, stride, padding);
      return s.keep(padOut ? y.get(new NDIndex(":, 0:{}", out)) : y);
    }
  }

  private static long roundUp(long channels) {
    return (channels + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
  }

  /** DJL's convolution as it is, without the workaround: for the engine self-check and its tests. */
  public static NDArray raw(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, new Shape(stride, stride),
        new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
  }

  private static boolean tracked(NDArray... arrays) {
    for (NDArray a : arrays) {
      if (a != null && a.hasGradient()) {
        return true;
      }
    }
    return false;
  }
}
