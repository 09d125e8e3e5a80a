/**
 * Model folders in diffusers/transformers layout: {@code config.json} reading and weight loading shared by
 * the UNet, CLIP text and VAE architectures.
 */
package dev.crossnet.core.model;
