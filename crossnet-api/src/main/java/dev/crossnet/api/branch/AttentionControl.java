package dev.crossnet.api.branch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

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

  /**
   * An additive bias on a layer's attention scores (before the softmax), broadcastable to
   * [batch, heads, queries, keys], or null for none. A large negative value forbids a query/key pair: a subject
   * token confined to its region gets it at every query outside the region. The array is created in
   * {@code manager}, which the layer frees after the call.
   *
   * @param keys the number of keys the layer attends to (after {@link #keysValues})
   */
  default NDArray scoreBias(AttentionSite site, long keys, NDManager manager) {
    return null;
  }

  /**
   * Further contexts a cross-attention layer's queries attend to on their own, beside the text: each context's
   * attention result is multiplied by its scale and its per-query weights and added to the text's before the
   * layer's output projection. This is IP-Adapter's decoupled cross-attention, where a context is a subject's
   * image tokens projected by the layer's image key and value projections, and the weights confine it to the
   * subject's region. Called for cross-attention layers only; the arrays are created in {@code manager}, which the
   * layer frees after the call.
   *
   * @param batch the layer's batch: 1, or 2 under classifier-free guidance (the unconditional half first)
   */
  default List<SeparateContext> separateContexts(AttentionSite site, int batch, NDManager manager) {
    return List.of();
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

  /**
   * A context attended to on its own ({@link #separateContexts}).
   *
   * @param keys [batch or 1, tokens, heads x head width], already projected for the layer
   * @param values the same shape
   * @param scale weight of the context's result
   * @param queryWeights per-query weights [batch or 1, queries, 1], or null for 1 everywhere
   */
  record SeparateContext(NDArray keys, NDArray values, float scale, NDArray queryWeights) {}

  /** Keys and values as a layer sees them. */
  record AttentionInputs(NDArray keys, NDArray values) {}
}
