/** The reconstruction (denoising) loss: what every diffusion training and inversion optimises. */
package dev.crossnet.losses.reconstruction;
