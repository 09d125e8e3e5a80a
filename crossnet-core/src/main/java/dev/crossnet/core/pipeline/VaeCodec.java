package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.model.vae.LatentDistribution;
import dev.crossnet.core.nn.GradMode;

/**
 * An {@link AutoencoderKL} in the codec role: encoding takes the latent distribution's mean (deterministic,
 * as editing needs) times the scaling factor; decoding divides it out again.
 */
public final class VaeCodec implements LatentCodec {

  private final AutoencoderKL vae;

  public VaeCodec(AutoencoderKL vae) {
    this.vae = vae;
  }

  @Override
  public NDArray encode(NDArray pixels) {
    try (GradMode off = GradMode.disabled()) {
      LatentDistribution d = vae.encode(pixels);
      NDArray latent = d.mean().mul(vae.scalingFactor());
      d.mean().close();
      d.logvar().close();
      return latent;
    }
  }

  @Override
  public NDArray decode(NDArray latent) {
    try (GradMode off = GradMode.disabled()) {
      NDArray scaled = latent.div(vae.scalingFactor());
      NDArray pixels = vae.decode(scaled);
      scaled.close();
      return pixels;
    }
  }

  @Override
  public int channels() {
    return vae.config().latentChannels();
  }

  @Override
  public int downscale() {
    return 1 << (vae.config().blockOutChannels().length - 1);
  }
}
