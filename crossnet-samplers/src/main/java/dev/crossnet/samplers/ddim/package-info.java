/**
 * DDIM (Song et al. 2021) with its eta knob, and DDIM inversion, which runs the same update backwards from a
 * clean sample to its noise.
 */
package dev.crossnet.samplers.ddim;
