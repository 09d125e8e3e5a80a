package dev.crossnet.core.nn;

/**
 * One attention computation as a hook sees it.
 *
 * @param layer the layer's stable checkpoint path, e.g.
 *     {@code down_blocks.0.attentions.0.transformer_blocks.0.attn2}
 * @param cross true when keys and values come from a context (text), false for self-attention
 * @param heads number of heads
 * @param headDim width of one head
 * @param queries number of query tokens (H x W for spatial layers)
 * @param height query grid height for spatial layers, 0 when the queries are a sequence
 * @param width query grid width for spatial layers, 0 when the queries are a sequence
 */
public record AttentionCall(String layer, boolean cross, int heads, int headDim, long queries, long height,
    long width) {}
