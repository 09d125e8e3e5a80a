/**
 * Diffusion models as folders in the Hugging Face diffusers layout: {@code model_index.json}, one folder per
 * component ({@code config.json} + weights), read and written for the UNet, CLIP text and VAE architectures.
 */
package dev.crossnet.core.model;
