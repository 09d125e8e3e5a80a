/**
 * transformers' {@code CLIPTextModel} (causal text transformer) with its checkpoint names, pooled output at
 * the first end-of-text token, and per-token embedding overrides for textual inversion.
 */
package dev.crossnet.core.model.clip;
