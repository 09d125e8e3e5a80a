package dev.crossnet.core.image;

import dev.crossnet.api.image.Picture;

/**
 * Resizes 8-bit pictures with a separable convolution filter whose support widens by the shrink factor when
 * downscaling (so a large photograph shrinks without aliasing), as Pillow's {@code Image.resize} does: rows
 * first, then columns, each pass rounded back to 8 bits with weights in 22-bit fixed point. That is the resize
 * transformers' image processors run before cropping and normalising.
 *
 * <pre>{@code
 * Picture small = PictureResize.resize(photo, 224, 298, PictureResize.Filter.BICUBIC);
 * }</pre>
 */
public final class PictureResize {

  /** Fixed-point bits of a filter weight: 8-bit samples times these weights fit in an int with headroom. */
  private static final int PRECISION_BITS = 32 - 8 - 2;

  /** The interpolation kernels, by Pillow's {@code resample} codes. */
  public enum Filter {
    /** The triangle (tent) kernel, support 1; Pillow's code 2. */
    BILINEAR(2, 1.0),
    /** Keys' cubic convolution with a = -0.5, support 2; Pillow's code 3 (CLIP's default). */
    BICUBIC(3, 2.0);

    private final int code;
    private final double support;

    Filter(int code, double support) {
      this.code = code;
      this.support = support;
    }

    /** The filter of a Pillow {@code resample} code, as image processor configs store it. */
    public static Filter ofCode(int code) {
      for (Filter f : values()) {
        if (f.code == code) {
          return f;
        }
      }
      throw new IllegalArgumentException("unsupported resample code " + code + "; supported: 2 (bilinear),"
          + " 3 (bicubic)");
    }

    double weight(double x) {
      double t = Math.abs(x);
      if (this == BILINEAR) {
        return t < 1 ? 1 - t : 0;
      }
      double a = -0.5;
      if (t < 1) {
        return ((a + 2) * t - (a + 3)) * t * t + 1;
      }
      if (t < 2) {
        return a * (((t - 5) * t + 8) * t - 4);
      }
      return 0;
    }
  }

  private PictureResize() {}

  /** The picture at the given size; the same picture when the size is unchanged. */
  public static Picture resize(Picture picture, int width, int height, Filter filter) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a resize needs a positive size, got " + width + "x" + height);
    }
    int w = picture.width();
    int h = picture.height();
    if (width == w && height == h) {
      return picture;
    }
    int[] px = picture.rgbPixels();
    if (width != w) {
      px = pass(px, w, h, width, true, filter);
      w = width;
    }
    if (height != h) {
      px = pass(px, w, h, height, false, filter);
      h = height;
    }
    return Picture.ofRgb(w, h, px);
  }

  /** One axis: {@code rows} true resamples along x (each row), false along y (each column). */
  private static int[] pass(int[] src, int w, int h, int out, boolean rows, Filter filter) {
    int in = rows ? w : h;
    Taps taps = Taps.of(in, out, filter);
    int lines = rows ? h : w;
    int outW = rows ? out : w;
    int[] dst = new int[rows ? out * h : w * out];
    int stride = rows ? 1 : w;
    for (int line = 0; line < lines; line++) {
      int base = rows ? line * w : line;
      for (int o = 0; o < out; o++) {
        long r = 1L << (PRECISION_BITS - 1);
        long g = r;
        long b = r;
        int first = taps.first[o];
        int[] k = taps.weights[o];
        for (int i = 0; i < k.length; i++) {
          int p = src[base + (first + i) * stride];
          r += (long) ((p >> 16) & 0xFF) * k[i];
          g += (long) ((p >> 8) & 0xFF) * k[i];
          b += (long) (p & 0xFF) * k[i];
        }
        int at = rows ? line * outW + o : o * outW + line;
        dst[at] = (clip(r) << 16) | (clip(g) << 8) | clip(b);
      }
    }
    return dst;
  }

  private static int clip(long sum) {
    return (int) Math.max(0, Math.min(255, sum >> PRECISION_BITS));
  }

  /** The source range and fixed-point weights of every output sample along one axis. */
  private record Taps(int[] first, int[][] weights) {

    static Taps of(int in, int out, Filter filter) {
      double scale = (double) in / out;
      double filterScale = Math.max(scale, 1.0);
      double support = filter.support * filterScale;
      int[] first = new int[out];
      int[][] weights = new int[out][];
      for (int o = 0; o < out; o++) {
        double center = (o + 0.5) * scale;
        // truncation toward zero, then clamping, decides the window exactly as Pillow does
        int lo = Math.max((int) (center - support + 0.5), 0);
        int hi = Math.min((int) (center + support + 0.5), in);
        double[] k = new double[hi - lo];
        double sum = 0;
        for (int i = 0; i < k.length; i++) {
          k[i] = filter.weight((lo + i - center + 0.5) / filterScale);
          sum += k[i];
        }
        int[] fixed = new int[k.length];
        for (int i = 0; i < k.length; i++) {
          double v = sum == 0 ? k[i] : k[i] / sum;
          fixed[i] = (int) (v * (1 << PRECISION_BITS) + (v < 0 ? -0.5 : 0.5));
        }
        first[o] = lo;
        weights[o] = fixed;
      }
      return new Taps(first, weights);
    }
  }
}
