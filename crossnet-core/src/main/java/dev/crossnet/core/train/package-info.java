/**
 * The training loop shared by the default model and by inversion: parameter groups with ordered loss terms,
 * AdamW, atomic resumable checkpoints.
 */
package dev.crossnet.core.train;
