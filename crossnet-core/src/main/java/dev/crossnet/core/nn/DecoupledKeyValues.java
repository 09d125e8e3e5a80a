package dev.crossnet.core.nn;

/**
 * Keys and values of a second context that an attention layer's queries attend to separately, the result
 * added to the layer's own attention before its output projection: {@code out = to_out(attn(q, k, v) + scale *
 * attn(q, k2, v2))}, with the same queries and heads. This is the decoupled cross-attention of IP-Adapter,
 * where the second context is a handful of image-prompt tokens.
 *
 * @param keyValues the second context's projected keys and values [B or 1, tokens, heads x headDim]
 * @param scale weight of the second attention's result (0 leaves the layer's output as without it)
 */
public record DecoupledKeyValues(KeyValues keyValues, float scale) {

  public DecoupledKeyValues {
    if (keyValues == null) {
      throw new IllegalArgumentException("decoupled attention needs keys and values, got null");
    }
    if (!Float.isFinite(scale)) {
      throw new IllegalArgumentException("decoupled attention scale must be a finite number, got " + scale);
    }
  }
}
