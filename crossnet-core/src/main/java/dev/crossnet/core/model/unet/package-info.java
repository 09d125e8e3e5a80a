/**
 * diffusers' {@code UNet2DConditionModel} (SD 1.x / 2.x layouts) built from its {@code config.json}, with
 * checkpoint names kept verbatim.
 */
package dev.crossnet.core.model.unet;
