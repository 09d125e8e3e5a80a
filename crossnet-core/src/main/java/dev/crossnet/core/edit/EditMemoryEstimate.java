package dev.crossnet.core.edit;

import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.model.vae.VaeConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * An edit's peak memory, estimated from the bedrock's size and the model's config before anything is allocated.
 * The coefficients were fitted to peaks measured on this runtime with a margin (docs/limits.md):
 *
 * <ul>
 *   <li>the VAE: {@value #VAE_BYTES_PER_CHANNEL_PIXEL} bytes per pixel and channel of its first block, plus
 *       {@value #VAE_BYTES_PER_TOKEN_PAIR} bytes per pair of latent pixels (its mid-block attention's share,
 *       which grows with the square of the area);
 *   <li>the UNet: {@value #UNET_LIVE_ARRAYS} float arrays of its first block at latent resolution, in a batch of
 *       2 with classifier-free guidance, plus one attention slice ({@code ScaledDotProductAttention}'s budget);
 *   <li>{@value #JAVA_BYTES_PER_PIXEL} bytes per pixel of Java arrays (pictures, masks, the feathered composite).
 * </ul>
 *
 * <p>The VAE and the UNet run one after the other, so the larger of the two counts.
 *
 * @param bytes the estimated peak
 * @param largest what dominates it, for the error message
 */
public record EditMemoryEstimate(long bytes, String largest) {

  static final int VAE_BYTES_PER_CHANNEL_PIXEL = 80;
  static final int VAE_BYTES_PER_TOKEN_PAIR = 2;
  static final int UNET_LIVE_ARRAYS = 16;
  static final int JAVA_BYTES_PER_PIXEL = 64;
  private static final int FLOAT = 4;
  private static final double ATTENTION_SLICE = 4.0 * FLOAT * dev.crossnet.core.nn.ScaledDotProductAttention.DEFAULT_BUDGET;

  /**
   * @param guidance whether classifier-free guidance doubles the UNet's batch
   */
  public static EditMemoryEstimate of(UNetConfig unet, Optional<VaeConfig> vae, int width, int height,
      boolean guidance) {
    double pixels = (double) width * height;
    int downscale = vae.map(v -> 1 << (v.blockOutChannels().length - 1)).orElse(1);
    double latentPixels = pixels / ((double) downscale * downscale);
    int batch = guidance ? 2 : 1;

    double vaeBytes = vae.map(v -> VAE_BYTES_PER_CHANNEL_PIXEL * v.blockOutChannels()[0] * pixels
        + (v.midBlockAttention() ? VAE_BYTES_PER_TOKEN_PAIR * latentPixels * latentPixels : 0)).orElse(0.0);
    double unetBytes = (double) FLOAT * UNET_LIVE_ARRAYS * batch * unet.blockOutChannels()[0] * latentPixels
        + ATTENTION_SLICE;
    double java = JAVA_BYTES_PER_PIXEL * pixels;
    String largest = vaeBytes >= unetBytes
        ? "the VAE at " + width + "x" + height + " pixels"
        : "the UNet at " + Math.round(latentPixels) + " latent pixels";
    double total = Math.max(vaeBytes, unetBytes) + java;
    return new EditMemoryEstimate(total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total, largest);
  }

  /** Bytes as GiB with one decimal ("11.5 GiB"), or MiB below one GiB. */
  public static String readable(long bytes) {
    double gib = bytes / (double) (1L << 30);
    return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
        : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }
}
