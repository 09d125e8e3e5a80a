package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.model.AtomicFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * A fixed set of rendered FigureWorld scenes with their captions: scene {@code i} is the generator's scene for
 * seed {@code firstSeed + i}, so the set is the same on every machine and in every sitting. Pictures are kept as
 * packed RGB (12 KB each at 64x64), with the union of their figures' masks as bits (512 bytes each), so that a
 * loss can weigh the figures, a small share of each picture, above the background.
 */
public final class FigureWorldImages {

  private final int size;
  private final int[][] rgb;
  private final String[] captions;
  private final BitSet[] figures;

  private FigureWorldImages(int size, int[][] rgb, String[] captions, BitSet[] figures) {
    this.size = size;
    this.rgb = rgb;
    this.captions = captions;
    this.figures = figures;
  }

  /**
   * Renders {@code count} scenes (in parallel; the result does not depend on the thread count).
   *
   * @param options scene options; their size is the picture size and must be square
   */
  public static FigureWorldImages render(SceneOptions options, int count, long firstSeed) {
    if (options.width() != options.height()) {
      throw new IllegalArgumentException("the default model draws square pictures; got "
          + options.width() + "x" + options.height());
    }
    SceneGenerator generator = new SceneGenerator(options);
    int[][] rgb = new int[count][];
    String[] captions = new String[count];
    BitSet[] figures = new BitSet[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      Scene s = generator.generate(firstSeed + i);
      rgb[i] = s.picture().rgbPixels();
      captions[i] = s.caption();
      figures[i] = figureBits(s);
    });
    return new FigureWorldImages(options.width(), rgb, captions, figures);
  }

  private static BitSet figureBits(Scene scene) {
    BitSet bits = new BitSet(scene.width() * scene.height());
    for (FigureTruth f : scene.figures()) {
      float[] w = f.mask().weights();
      for (int i = 0; i < w.length; i++) {
        if (w[i] > 0.5f) {
          bits.set(i);
        }
      }
    }
    return bits;
  }

  public int count() {
    return captions.length;
  }

  /** Side of the square pictures. */
  public int size() {
    return size;
  }

  public String caption(int index) {
    return captions[index];
  }

  public Picture picture(int index) {
    return Picture.ofRgb(size, size, rgb[index]);
  }

  /** The pictures of these indices as [B, 3, H, W] in [-1, 1]. */
  public NDArray pixels(int[] indices, NDManager manager) {
    int plane = size * size;
    float[] out = new float[indices.length * 3 * plane];
    for (int b = 0; b < indices.length; b++) {
      int[] p = rgb[indices[b]];
      int base = b * 3 * plane;
      for (int i = 0; i < plane; i++) {
        int c = p[i];
        out[base + i] = ((c >> 16) & 0xFF) / 127.5f - 1f;
        out[base + plane + i] = ((c >> 8) & 0xFF) / 127.5f - 1f;
        out[base + 2 * plane + i] = (c & 0xFF) / 127.5f - 1f;
      }
    }
    return manager.create(out, new Shape(indices.length, 3, size, size));
  }

  /** Per-pixel weights for these indices, [B, 1, H, W]: {@code 1 + extra} on a figure, 1 elsewhere. */
  public NDArray figureWeights(int[] indices, float extra, NDManager manager) {
    int plane = size * size;
    float[] out = new float[indices.length * plane];
    java.util.Arrays.fill(out, 1f);
    for (int b = 0; b < indices.length; b++) {
      BitSet bits = figures[indices[b]];
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        out[b * plane + i] += extra;
      }
    }
    return manager.create(out, new Shape(indices.length, 1, size, size));
  }

  /**
   * Writes the set, atomically, gzip-compressed, for trainers outside the JVM ({@code tools/gpu}): the ASCII magic
   * {@code CNFW}, then big-endian ints version (1), count and size, then per picture its pixels as bytes in
   * row-major (y, x, rgb) order, its figure mask as one byte (0 or 1) per pixel, and its caption as a
   * big-endian short length and UTF-8 bytes.
   */
  public void export(Path target) throws IOException {
    AtomicFiles.write(target, raw -> {
      GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
      DataOutputStream out = new DataOutputStream(gzip);
      out.writeBytes("CNFW");
      out.writeInt(1);
      out.writeInt(count());
      out.writeInt(size);
      int plane = size * size;
      byte[] pixels = new byte[3 * plane];
      byte[] mask = new byte[plane];
      for (int i = 0; i < count(); i++) {
        for (int k = 0; k < plane; k++) {
          int c = rgb[i][k];
          pixels[3 * k] = (byte) (c >> 16);
          pixels[3 * k + 1] = (byte) (c >> 8);
          pixels[3 * k + 2] = (byte) c;
          mask[k] = (byte) (figures[i].get(k) ? 1 : 0);
        }
        out.write(pixels);
        out.write(mask);
        out.writeUTF(captions[i]);
      }
      out.flush();
      gzip.finish();
    });
  }

  /** The captions of these indices, in order. */
  public List<String> captions(int[] indices) {
    return IntStream.of(indices).mapToObj(i -> captions[i]).toList();
  }

  /**
   * The examples of training step {@code step}: {@code batch} indices drawn with replacement from a stream
   * that depends on the seed and the step only, so a resumed training sees the same batches.
   */
  public static int[] batchIndices(long seed, int step, int batch, int count) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
    int[] out = new int[batch];
    for (int i = 0; i < batch; i++) {
      out[i] = r.nextInt(count);
    }
    return out;
  }
}
