/**
 * DDPM, the ancestral sampler of Ho et al. (2020): posterior mean plus fresh noise at every step, with the
 * "fixed_small" posterior variance.
 */
package dev.crossnet.samplers.ddpm;
