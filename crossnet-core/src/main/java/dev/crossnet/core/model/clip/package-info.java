/**
 * transformers' CLIP encoders with their checkpoint names: {@code CLIPTextModel} (causal, pooled at the first
 * end-of-text token, per-token embedding overrides for textual inversion) and
 * {@code CLIPVisionModelWithProjection} with {@code CLIPImageProcessor}'s pre-processing.
 */
package dev.crossnet.core.model.clip;
