/**
 * Editing procedures written against the Sampler SPI and a {@link dev.crossnet.api.sampler.Denoiser}, so they
 * compose with any sampler: SDEdit, ILVR and RePaint.
 */
package dev.crossnet.samplers.procedure;
