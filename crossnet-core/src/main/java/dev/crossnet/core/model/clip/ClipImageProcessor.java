package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.image.PictureResize;
import dev.crossnet.core.model.JsonConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Pictures to the pixel values a CLIP vision encoder reads, as transformers' {@code CLIPImageProcessor} makes
 * them: the shortest side resized to {@code size.shortest_edge} (the other side scaled and truncated to whole
 * pixels), a centred {@code crop_size} crop (zero-padded where the picture is smaller), then
 * {@code x * rescale_factor} and {@code (x - image_mean) / image_std} per channel. Each step can be switched off
 * by its {@code do_*} key. The resize is {@link PictureResize}'s 8-bit one, which follows Pillow's.
 *
 * <pre>{@code
 * ClipImageProcessor processor = ClipImageProcessor.load(Path.of("ip-adapter/image_encoder"));
 * NDArray pixels = processor.preprocess(List.of(picture), manager); // [1, 3, 224, 224]
 * }</pre>
 *
 * @param shortestEdge the shortest side after resizing (OpenAI's 224)
 * @param cropHeight the crop's height (224)
 * @param cropWidth the crop's width (224)
 * @param rescaleFactor multiplies the 8-bit samples (1/255)
 * @param mean per-channel mean subtracted after rescaling (OpenAI's CLIP training statistics)
 * @param std per-channel deviation divided by after subtracting the mean
 */
public record ClipImageProcessor(boolean doResize, int shortestEdge, PictureResize.Filter resample,
    boolean doCenterCrop, int cropHeight, int cropWidth, boolean doRescale, float rescaleFactor,
    boolean doNormalize, float[] mean, float[] std) {

  /** The name transformers gives the file in a model folder. */
  public static final String FILE = "preprocessor_config.json";

  private static final float[] OPENAI_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] OPENAI_STD = {0.26862954f, 0.26130258f, 0.27577711f};
  private static final int OPENAI_SIZE = 224;

  public ClipImageProcessor {
    mean = mean.clone();
    std = std.clone();
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("image_mean and image_std need one value per RGB channel, got "
          + Arrays.toString(mean) + " and " + Arrays.toString(std));
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("image_std must be positive, got " + Arrays.toString(std));
      }
    }
  }

  /** OpenAI CLIP's processing: bicubic to 224 on the shortest side, 224x224 centre crop, OpenAI statistics. */
  public static ClipImageProcessor openAi() {
    return new ClipImageProcessor(true, OPENAI_SIZE, PictureResize.Filter.BICUBIC, true, OPENAI_SIZE,
        OPENAI_SIZE, true, 1f / 255f, true, OPENAI_MEAN, OPENAI_STD);
  }

  /** The folder's {@code preprocessor_config.json}, or {@link #openAi()} when the folder has none. */
  public static ClipImageProcessor load(Path folder) {
    Path file = folder.resolve(FILE);
    return Files.isRegularFile(file) ? from(JsonConfig.read(file)) : openAi();
  }

  /**
   * Reads a {@code CLIPImageProcessor} config; absent keys take transformers' defaults. {@code size} and
   * {@code crop_size} may be objects ({@code {"shortest_edge": 224}}, {@code {"height": 224, "width": 224}}) or,
   * in older files, a bare number.
   */
  public static ClipImageProcessor from(JsonConfig c) {
    int shortest = c.isObject("size")
        ? c.object("size").requireInt("shortest_edge")
        : c.getInt("size", OPENAI_SIZE);
    int cropH;
    int cropW;
    if (c.isObject("crop_size")) {
      JsonConfig crop = c.object("crop_size");
      cropH = crop.requireInt("height");
      cropW = crop.requireInt("width");
    } else {
      cropH = c.getInt("crop_size", OPENAI_SIZE);
      cropW = cropH;
    }
    c.requireWithin("size.shortest_edge", shortest, 1, 8192, "CLIP uses 224 or 336");
    c.requireWithin("crop_size.height", cropH, 1, 8192, "CLIP uses 224 or 336");
    c.requireWithin("crop_size.width", cropW, 1, 8192, "CLIP uses 224 or 336");
    return new ClipImageProcessor(c.getBoolean("do_resize", true), shortest,
        PictureResize.Filter.ofCode(c.getInt("resample", 3)), c.getBoolean("do_center_crop", true), cropH, cropW,
        c.getBoolean("do_rescale", true), c.getFloat("rescale_factor", 1f / 255f),
        c.getBoolean("do_normalize", true), c.getFloats("image_mean", OPENAI_MEAN),
        c.getFloats("image_std", OPENAI_STD));
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  /** The size {@link #resize} gives a picture: the shortest side becomes {@code shortestEdge}. */
  public int[] resizedSize(int width, int height) {
    if (!doResize) {
      return new int[] {width, height};
    }
    int shortSide = Math.min(width, height);
    int longSide = (int) ((long) shortestEdge * Math.max(width, height) / shortSide);
    return width <= height ? new int[] {shortestEdge, longSide} : new int[] {longSide, shortestEdge};
  }

  /** The resize step alone (the picture itself when resizing is off or changes nothing). */
  public Picture resize(Picture picture) {
    int[] size = resizedSize(picture.width(), picture.height());
    return PictureResize.resize(picture, size[0], size[1], resample);
  }

  /**
   * The centre crop step alone: the window's top-left corner is at half the excess, rounded down; sides the
   * picture lacks are filled with black, as transformers pads them.
   */
  public Picture centerCrop(Picture picture) {
    if (!doCenterCrop) {
      return picture;
    }
    int w = picture.width();
    int h = picture.height();
    int top = Math.floorDiv(h - cropHeight, 2);
    int left = Math.floorDiv(w - cropWidth, 2);
    int[] out = new int[cropWidth * cropHeight];
    for (int y = 0; y < cropHeight; y++) {
      int sy = y + top;
      for (int x = 0; x < cropWidth; x++) {
        int sx = x + left;
        out[y * cropWidth + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? picture.rgb(sx, sy) : 0;
      }
    }
    return Picture.ofRgb(cropWidth, cropHeight, out);
  }

  /**
   * The pixel values [B, 3, H, W] of the pictures, float32 in the manager. With the crop on, H x W is the
   * crop size; with it off, every picture must come out of the resize at one size.
   */
  public NDArray preprocess(List<Picture> pictures, NDManager manager) {
    if (pictures.isEmpty()) {
      throw new IllegalArgumentException("preprocess needs at least one picture");
    }
    int width = -1;
    int height = -1;
    float[] all = null;
    for (int b = 0; b < pictures.size(); b++) {
      Picture p = centerCrop(resize(pictures.get(b)));
      if (b == 0) {
        width = p.width();
        height = p.height();
        all = new float[pictures.size() * 3 * width * height];
      } else if (p.width() != width || p.height() != height) {
        throw new IllegalArgumentException("picture " + b + " comes out " + p.width() + "x" + p.height()
            + " but picture 0 " + width + "x" + height + "; turn do_center_crop on to batch pictures of"
            + " different sizes");
      }
      write(p, all, b * 3 * width * height);
    }
    return manager.create(all, new Shape(pictures.size(), 3, height, width));
  }

  /** One picture's pixel values, [3 x height x width] channel by channel, as {@link #preprocess} makes them. */
  public float[] pixels(Picture picture) {
    Picture p = centerCrop(resize(picture));
    float[] out = new float[3 * p.width() * p.height()];
    write(p, out, 0);
    return out;
  }

  private void write(Picture p, float[] out, int offset) {
    int n = p.width() * p.height();
    int[] rgb = p.rgbPixels();
    float scale = doRescale ? rescaleFactor : 1f;
    for (int c = 0; c < 3; c++) {
      int shift = 16 - 8 * c;
      float m = doNormalize ? mean[c] : 0f;
      float s = doNormalize ? std[c] : 1f;
      for (int i = 0; i < n; i++) {
        out[offset + c * n + i] = (((rgb[i] >> shift) & 0xFF) * scale - m) / s;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClipImageProcessor p && doResize == p.doResize && shortestEdge == p.shortestEdge
        && resample == p.resample && doCenterCrop == p.doCenterCrop && cropHeight == p.cropHeight
        && cropWidth == p.cropWidth && doRescale == p.doRescale && rescaleFactor == p.rescaleFactor
        && doNormalize == p.doNormalize && Arrays.equals(mean, p.mean) && Arrays.equals(std, p.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std) + Integer.hashCode(shortestEdge);
  }

  @Override
  public String toString() {
    return "ClipImageProcessor[resize=" + (doResize ? shortestEdge + " " + resample : "off") + ", crop="
        + (doCenterCrop ? cropWidth + "x" + cropHeight : "off") + ", rescale=" + (doRescale ? rescaleFactor : "off")
        + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std)
        + (doNormalize ? "" : " (normalise off)") + "]";
  }
}
