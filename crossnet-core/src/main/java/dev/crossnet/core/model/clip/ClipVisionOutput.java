package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;

/**
 * The vision encoder's outputs, as transformers' {@code CLIPVisionModelWithProjection} names them.
 *
 * @param lastHiddenState [B, tokens, hidden], the last layer's output before {@code post_layernorm}; token 0
 *     is the class token
 * @param pooled [B, hidden], {@code post_layernorm} of the class token ({@code pooler_output})
 * @param imageEmbeds [B, projection], the pooled output through {@code visual_projection} (what a plain
 *     IP-Adapter reads)
 * @param penultimateHiddenState [B, tokens, hidden], the output of the last layer but one (transformers'
 *     {@code hidden_states[-2]}; the embeddings after {@code pre_layrnorm} for a one-layer encoder): what IP-Adapter
 *     Plus reads
 */
public record ClipVisionOutput(NDArray lastHiddenState, NDArray pooled, NDArray imageEmbeds,
    NDArray penultimateHiddenState) {}
