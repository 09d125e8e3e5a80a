package dev.crossnet.api.branch;

/**
 * Which attention layer is running.
 *
 * @param layer the layer's name in the checkpoint ("down_blocks.0.attentions.0.transformer_blocks.0.attn2")
 * @param cross true for cross-attention (keys from the text), false for self-attention
 * @param heads number of heads
 * @param height height of the layer's query grid (queries = height * width), 0 when not spatial
 * @param width width of the layer's query grid
 */
public record AttentionSite(String layer, boolean cross, int heads, int height, int width) {}
