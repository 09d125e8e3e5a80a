/**
 * diffusers' {@code AutoencoderKL}: the encoder to a diagonal Gaussian over latents and the decoder back to
 * pixels, with checkpoint names kept verbatim. Pixel-space models simply have none.
 */
package dev.crossnet.core.model.vae;
