package dev.crossnet.core.judge;

import dev.crossnet.api.image.Picture;
import java.util.SplittableRandom;

/**
 * Random blur and noise for a judge's training renders. Generated pictures are never as crisp as renders, and a
 * judge trained on crisp renders alone reads a 3x3 box blur of a render as something else (kind accuracy fell
 * from 94 % to 42 %), so it would score a decoder's sharpness rather than what was drawn. With this, a share of
 * the examples is blurred (Gaussian, sigma uniform up to {@code maxBlurSigma} pixels) and gets Gaussian noise
 * (standard deviation uniform up to {@code maxNoise}, on values in [0, 1]); hues are left alone, since colour is
 * one of the answers.
 *
 * @param share the share of examples degraded, in [0, 1]; 0 leaves every example, and the random stream, as is
 * @param maxBlurSigma the largest blur, in pixels
 * @param maxNoise the largest noise standard deviation
 */
public record RenderDegradation(double share, double maxBlurSigma, double maxNoise) {

  /** No degradation. */
  public static final RenderDegradation NONE = new RenderDegradation(0, 0, 0);

  public RenderDegradation {
    if (!(share >= 0 && share <= 1) || !(maxBlurSigma >= 0) || !(maxNoise >= 0)) {
      throw new IllegalArgumentException("a degradation needs share in [0, 1] and blur and noise >= 0, got share "
          + share + ", blur " + maxBlurSigma + ", noise " + maxNoise);
    }
  }

  /** That share of the examples (0.5 trained the bundled judge), blur up to sigma 1.2 px, noise up to 0.04. */
  public static RenderDegradation forGeneratedPictures(double share) {
    return new RenderDegradation(share, 1.2, 0.04);
  }

  /** The picture, degraded or not by the next draws of {@code random} (none are drawn when the share is 0). */
  public Picture apply(Picture picture, SplittableRandom random) {
    if (share == 0 || random.nextDouble() >= share) {
      return picture;
    }
    double sigma = random.nextDouble() * maxBlurSigma;
    double noise = random.nextDouble() * maxNoise;
    float[] chw = blur(picture.toChw(), picture.width(), picture.height(), sigma);
    for (int i = 0; i < chw.length; i++) {
      chw[i] = (float) Math.min(1, Math.max(0, chw[i] + noise * random.nextGaussian()));
    }
    return Picture.fromChw(picture.width(), picture.height(), chw);
  }

  /** The picture under a Gaussian blur of this sigma (pixels), without noise. */
  public static Picture gaussianBlur(Picture picture, double sigma) {
    return Picture.fromChw(picture.width(), picture.height(),
        blur(picture.toChw(), picture.width(), picture.height(), sigma));
  }

  /** A separable Gaussian blur of each channel, edges clamped; sigma below 0.1 px leaves the values as they are. */
  static float[] blur(float[] chw, int width, int height, double sigma) {
    if (sigma < 0.1) {
      return chw.clone();
    }
    int radius = (int) Math.ceil(3 * sigma);
    float[] kernel = new float[2 * radius + 1];
    float sum = 0;
    for (int k = -radius; k <= radius; k++) {
      kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
      sum += kernel[k + radius];
    }
    for (int k = 0; k < kernel.length; k++) {
      kernel[k] /= sum;
    }
    float[] across = new float[chw.length];
    float[] out = new float[chw.length];
    int plane = width * height;
    for (int c = 0; c < chw.length / plane; c++) {
      int base = c * plane;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          float v = 0;
          for (int k = -radius; k <= radius; k++) {
            v += kernel[k + radius] * chw[base + y * width + Math.min(width - 1, Math.max(0, x + k))];
          }
          across[base + y * width + x] = v;
        }
      }
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          float v = 0;
          for (int k = -radius; k <= radius; k++) {
            v += kernel[k + radius] * across[base + Math.min(height - 1, Math.max(0, y + k)) * width + x];
          }
          out[base + y * width + x] = v;
        }
      }
    }
    return out;
  }
}
