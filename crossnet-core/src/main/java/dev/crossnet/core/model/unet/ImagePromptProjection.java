package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;

/**
 * Turns what an image encoder says about a picture into image-prompt tokens for an IP-Adapter's decoupled
 * cross-attention: {@link ImageProjection} (the plain adapter's, from the pooled image embedding) or
 * {@link PlusImageProjection} (IP-Adapter Plus's resampler, from the encoder's patch features).
 */
public sealed interface ImagePromptProjection permits ImageProjection, PlusImageProjection {

  /** Image-prompt tokens per image. */
  int tokens();

  /** Width of a token (the UNet's cross-attention width). */
  int tokenDim();

  /** Width of the encoder output the projection reads: the image embedding's, or a patch feature's. */
  int embedDim();

  /** True when the projection reads the encoder's patch features rather than its pooled image embedding. */
  boolean readsPatchFeatures();

  /** The tokens [B, tokens, tokenDim] of encoder outputs [B, embedDim] or [B, patches, embedDim]. */
  NDArray forward(NDArray encoded);
}
