/**
 * Neural-network primitives keyed by diffusers/transformers checkpoint names, calling DJL's static ops;
 * attention with a per-forward {@link dev.crossnet.core.nn.AttentionHook} seam.
 */
package dev.crossnet.core.nn;
