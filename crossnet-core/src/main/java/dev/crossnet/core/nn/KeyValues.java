package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * Projected keys and values [B, tokens, heads x headDim] of one attention call, before the heads are split.
 * A hook may return other arrays of the same width and any token count (e.g. extra subject tokens
 * concatenated on axis 1, or frame 0's keys for every frame); a batch of 1 broadcasts.
 */
public record KeyValues(NDArray keys, NDArray values) {}
