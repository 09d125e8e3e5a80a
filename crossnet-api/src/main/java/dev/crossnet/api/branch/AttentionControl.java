package dev.crossnet.api.branch;

import ai.djl.ndarray.NDArray;

/**
 * A hook into the network's attention layers for one edit: it may supply keys and values (a subject's own
 * cross-attention branch, keys from frame 0 for cross-frame attention) and may observe the attention maps
 * (per layer, head and token). Layers call it only when a control is installed,
 * so an edit without one pays nothing.
 */
public interface AttentionControl {

  /**
   * The keys and values a layer attends to; return {@code keysValues} unchanged to leave the layer alone.
   * Shapes are [batch, tokens, channels] before the split into heads.
   */
  default AttentionInputs keysValues(AttentionSite site, AttentionInputs keysValues) {
    return keysValues;
  }

  /** Whether {@link #observe} should see this layer's attention maps (building them costs time). */
  default boolean observes(AttentionSite site) {
    return false;
  }

  /**
   * The attention probabilities of a slice of queries, [batch, heads, queries, keys], rows summing to one.
   * They belong to the forward pass: copy what you keep.
   *
   * @param firstQuery index of the slice's first query among all the layer's queries (attention is computed
   *     in slices over queries for large token counts)
   */
  default void observe(AttentionSite site, long firstQuery, NDArray probabilities) {}

  /** Keys and values as a layer sees them. */
  record AttentionInputs(NDArray keys, NDArray values) {}
}
