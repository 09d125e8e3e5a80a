package dev.crossnet.core.model.vae;

import ai.djl.ndarray.NDArray;

/**
 * The encoder's diagonal Gaussian over latents (unscaled: multiply a sample by the config's scaling factor
 * before diffusion).
 *
 * @param mean [B, latent, H/f, W/f]
 * @param logvar same shape, clamped to [-30, 20] as diffusers does
 */
public record LatentDistribution(NDArray mean, NDArray logvar) {

  /** mean + exp(logvar / 2) * noise, for noise of the mean's shape. */
  public NDArray sample(NDArray noise) {
    return mean.add(logvar.mul(0.5f).exp().mul(noise));
  }
}
