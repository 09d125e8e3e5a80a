package dev.crossnet.api.branch;

import ai.djl.ndarray.NDArray;

/**
 * A hook into the network's attention layers for one edit: it may supply keys and values (a subject's own
 * cross-attention branch, keys from frame 0 for cross-frame attention) and may reshape the attention
 * probabilities (confine a word's attention to its region). Layers call it only when a control is installed,
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

  /**
   * The attention probabilities of a slice of queries, [batch * heads, queries, keys], rows summing to one;
   * return them unchanged, or changed (e.g. masked and renormalised), or observe them.
   *
   * @param firstQuery index of the slice's first query among all the layer's queries (attention is computed
   *     in slices over queries for large token counts)
   */
  default NDArray probabilities(AttentionSite site, int firstQuery, NDArray probabilities) {
    return probabilities;
  }

  /** Keys and values as a layer sees them. */
  record AttentionInputs(NDArray keys, NDArray values) {}
}
