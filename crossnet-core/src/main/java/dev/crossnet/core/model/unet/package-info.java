/**
 * diffusers' {@code UNet2DConditionModel} (SD 1.x / 2.x layouts) built from its {@code config.json}, with
 * checkpoint names kept verbatim, and the plain IP-Adapter ({@link dev.crossnet.core.model.unet.IpAdapter}) that adds an
 * image prompt to its cross-attention.
 */
package dev.crossnet.core.model.unet;
