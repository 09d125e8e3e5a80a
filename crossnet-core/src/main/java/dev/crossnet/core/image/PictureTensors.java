package dev.crossnet.core.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/**
 * Conversions between the API's pictures and masks and the tensors models read: pictures as [1, 3, H, W] in
 * [-1, 1] (the range diffusion models are trained on), masks as [1, 1, H, W] in [0, 1].
 */
public final class PictureTensors {

  private PictureTensors() {}

  /** The picture as [1, 3, H, W] in [-1, 1]. */
  public static NDArray toTensor(Picture picture, NDManager manager) {
    float[] chw = picture.toChw();
    for (int i = 0; i < chw.length; i++) {
      chw[i] = chw[i] * 2f - 1f;
    }
    return manager.create(chw, new Shape(1, 3, picture.height(), picture.width()));
  }

  /** A [1, 3, H, W] or [3, H, W] tensor in [-1, 1] back to a picture (values clamped). */
  public static Picture toPicture(NDArray image) {
    Shape s = image.getShape();
    int h = (int) s.get(s.dimension() - 2);
    int w = (int) s.get(s.dimension() - 1);
    float[] values = image.toFloatArray();
    if (values.length != 3 * h * w) {
      throw new IllegalArgumentException("expected one 3-channel image, got shape " + s);
    }
    for (int i = 0; i < values.length; i++) {
      values[i] = (values[i] + 1f) / 2f;
    }
    return Picture.fromChw(w, h, values);
  }

  /** The mask as [1, 1, H, W]. */
  public static NDArray toTensor(Mask mask, NDManager manager) {
    return manager.create(mask.weights(), new Shape(1, 1, mask.height(), mask.width()));
  }

  /**
   * Resizes [N, C, H, W] to the given size: area averaging when shrinking by a whole factor (no aliasing),
   * bilinear otherwise.
   */
  public static NDArray resize(NDArray images, int height, int width) {
    Shape s = images.getShape();
    long h = s.get(2);
    long w = s.get(3);
    if (h == height && w == width) {
      return images.duplicate();
    }
    boolean wholeShrink = h % height == 0 && w % width == 0 && h >= height && w >= width;
    int mode = wholeShrink ? 2 : 1;
    return images.getNDArrayInternal().interpolation(new long[] {height, width}, mode, false);
  }

  /**
   * The mask softened by a box blur of the given radius (applied twice, close to a Gaussian), so that a
   * composite through it shows no seam. Pixels outside the blurred footprint keep weight exactly 0.
   */
  public static Mask feather(Mask mask, int radius) {
    if (radius <= 0) {
      return mask;
    }
    float[] a = blurredTwice(mask, radius);
    float[] hard = mask.weights();
    for (int i = 0; i < a.length; i++) {
      // never lower the weight inside the region: the subject must fully show where the user marked it
      a[i] = Math.min(1f, Math.max(a[i], hard[i]));
    }
    return Mask.of(mask.width(), mask.height(), a);
  }

  /**
   * The mask softened inside its own footprint: weights ramp from 0 at the region's edge to the mask's own weight
   * about {@code 2 * radius} pixels in (a box blur of the given radius applied twice, then stretched so that its
   * middle, 0.5, lands on the edge). Every pixel the mask gives weight 0 keeps weight exactly 0, so a composite
   * through it keeps everything outside the region as it was; a region narrower than {@code 4 * radius} pixels
   * does not reach full weight in its middle.
   */
  public static Mask featherInside(Mask mask, int radius) {
    if (radius <= 0) {
      return mask;
    }
    float[] a = blurredTwice(mask, radius);
    float[] hard = mask.weights();
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.min(hard[i], Math.min(1f, Math.max(0f, 2f * a[i] - 1f)));
    }
    return Mask.of(mask.width(), mask.height(), a);
  }

  /** The mask's weights box-blurred twice with {@code radius} (close to a Gaussian). */
  private static float[] blurredTwice(Mask mask, int radius) {
    int w = mask.width();
    int h = mask.height();
    float[] a = mask.weights();
    for (int pass = 0; pass < 2; pass++) {
      a = blurRows(a, w, h, radius);
      a = transpose(blurRows(transpose(a, w, h), h, w, radius), h, w);
    }
    return a;
  }

  private static float[] blurRows(float[] src, int w, int h, int r) {
    float[] out = new float[src.length];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        float sum = 0;
        int count = 0;
        for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
          sum += src[row + k];
          count++;
        }
        out[row + x] = sum / count;
      }
    }
    return out;
  }

  private static float[] transpose(float[] src, int w, int h) {
    float[] out = new float[src.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[x * h + y] = src[y * w + x];
      }
    }
    return out;
  }

  /**
   * Pixel compositing: inside the (soft) mask the edited picture, outside it the original, exactly. Both
   * pictures and the mask must have one size.
   */
  public static Picture composite(Picture original, Picture edited, Mask mask) {
    int w = original.width();
    int h = original.height();
    if (edited.width() != w || edited.height() != h || mask.width() != w || mask.height() != h) {
      throw new IllegalArgumentException("composite needs one size: original " + w + "x" + h + ", edited "
          + edited.width() + "x" + edited.height() + ", mask " + mask.width() + "x" + mask.height());
    }
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float m = mask.weight(x, y);
        int o = original.rgb(x, y);
        if (m <= 0f) {
          out[y * w + x] = o;
          continue;
        }
        int e = edited.rgb(x, y);
        out[y * w + x] = mix(o, e, m, 16) | mix(o, e, m, 8) | mix(o, e, m, 0);
      }
    }
    return Picture.ofRgb(w, h, out);
  }

  private static int mix(int o, int e, float m, int shift) {
    int a = (o >> shift) & 0xFF;
    int b = (e >> shift) & 0xFF;
    return Math.round(a + (b - a) * m) << shift;
  }
}
