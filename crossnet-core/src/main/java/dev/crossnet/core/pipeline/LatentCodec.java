package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;

/**
 * Maps pictures to the space the denoiser works in and back: a VAE for latent models, the identity for
 * pixel-space models.
 */
public interface LatentCodec {

  /** [B, 3, H, W] in [-1, 1] to [B, C, H/f, W/f], already multiplied by the model's scaling factor. */
  NDArray encode(NDArray pixels);

  /** The inverse of {@link #encode(NDArray)}: [B, C, h, w] to [B, 3, h*f, w*f] in about [-1, 1]. */
  NDArray decode(NDArray latent);

  /** Channels C of the sample space. */
  int channels();

  /** Spatial factor f between pixels and samples (8 for Stable Diffusion's VAE, 1 in pixel space). */
  int downscale();

  /** The codec of a pixel-space model: samples are the pictures themselves. */
  static LatentCodec pixels() {
    return new LatentCodec() {
      @Override
      public NDArray encode(NDArray pixels) {
        return pixels.duplicate();
      }

      @Override
      public NDArray decode(NDArray latent) {
        return latent.duplicate();
      }

      @Override
      public int channels() {
        return 3;
      }

      @Override
      public int downscale() {
        return 1;
      }
    };
  }
}
