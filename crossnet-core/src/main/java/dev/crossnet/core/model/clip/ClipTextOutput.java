package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;

/**
 * The text encoder's outputs.
 *
 * @param lastHiddenState [B, T, hidden] after the final layer norm (what Stable Diffusion conditions on)
 * @param pooled [B, hidden], the last hidden state at each row's first end-of-text token
 */
public record ClipTextOutput(NDArray lastHiddenState, NDArray pooled) {}
