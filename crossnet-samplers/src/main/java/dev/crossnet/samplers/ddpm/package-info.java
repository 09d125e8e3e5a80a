/** DDPM, the ancestral sampler of Ho et al. (2020), with the "fixed_small" posterior variance. */
package dev.crossnet.samplers.ddpm;
