package dev.crossnet.core.edit;

import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.model.vae.VaeConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * An edit's peak memory, estimated from the bedrock's size and the model's config before anything is allocated,
 * as the sum of two parts measured on this runtime (docs/limits.md):
 *
 * <ul>
 *   <li>the largest self-attention: it holds 4 bytes per (batch x head x token x token), whatever the query
 *       slicing; tokens are the latent pixels of the VAE's mid block or of the UNet's first attention level,
 *       whose batch is 2 with classifier-free guidance;
 *   <li>activations at full size: {@value #LIVE_ACTIVATIONS} float arrays of the widest full-resolution layer
 *       (the VAE's first block at pixel resolution, or the UNet's first block at latent resolution), plus
 *       {@value #JAVA_BYTES_PER_PIXEL} bytes per pixel of Java arrays (pictures, masks, the feathered composite).
 * </ul>
 *
 * @param bytes the estimated peak
 * @param largest what dominates it, for the error message
 */
public record EditMemoryEstimate(long bytes, String largest) {

  /** Float arrays of the widest full-resolution layer alive at once (input, norm, activation, conv, residual...). */
  static final int LIVE_ACTIVATIONS = 8;
  static final int JAVA_BYTES_PER_PIXEL = 64;
  private static final int FLOAT = 4;

  /**
   * @param guidance whether classifier-free guidance doubles the UNet's batch
   */
  public static EditMemoryEstimate of(UNetConfig unet, Optional<VaeConfig> vae, int width, int height,
      boolean guidance) {
    double pixels = (double) width * height;
    int downscale = vae.map(v -> 1 << (v.blockOutChannels().length - 1)).orElse(1);
    double latentPixels = pixels / ((double) downscale * downscale);
    int batch = guidance ? 2 : 1;

    // the VAE's mid block attends at latent resolution, in one head
    double vaeAttention = vae.filter(VaeConfig::midBlockAttention)
        .map(v -> FLOAT * latentPixels * latentPixels).orElse(0.0);
    double unetAttention = 0;
    int level = firstAttentionLevel(unet);
    if (level >= 0) {
      double tokens = latentPixels / Math.pow(4, level);
      unetAttention = (double) FLOAT * batch * unet.heads()[level] * tokens * tokens;
    }
    double vaeActivations = vae.map(v -> (double) FLOAT * LIVE_ACTIVATIONS * v.blockOutChannels()[0] * pixels)
        .orElse(0.0);
    double unetActivations = (double) FLOAT * LIVE_ACTIVATIONS * batch * unet.blockOutChannels()[0] * latentPixels;
    double java = JAVA_BYTES_PER_PIXEL * pixels;

    double attention = Math.max(vaeAttention, unetAttention);
    double activations = Math.max(vaeActivations, unetActivations);
    String largest;
    if (attention >= activations) {
      largest = vaeAttention >= unetAttention ? "the VAE's self-attention over " + Math.round(latentPixels) + " tokens"
          : "the UNet's self-attention over " + Math.round(latentPixels / Math.pow(4, level)) + " tokens";
    } else {
      largest = vaeActivations >= unetActivations ? "the VAE's full-resolution activations"
          : "the UNet's activations";
    }
    double total = attention + activations + java;
    return new EditMemoryEstimate(total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total, largest);
  }

  /** The highest-resolution level whose down block attends, or the mid block's level, or -1 when none does. */
  private static int firstAttentionLevel(UNetConfig unet) {
    for (int i = 0; i < unet.downBlockTypes().size(); i++) {
      if (unet.downBlockTypes().get(i).startsWith("CrossAttn")) {
        return i;
      }
    }
    return unet.midBlockType() == null ? -1 : unet.levels() - 1;
  }

  /** Bytes as GiB with one decimal ("11.5 GiB"), or MiB below one GiB. */
  public static String readable(long bytes) {
    double gib = bytes / (double) (1L << 30);
    return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
        : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }
}
