package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * The VAE mid-block attention of diffusers ({@code group_norm}, single-head self-attention over pixels,
 * residual connection) on [B, C, H, W].
 */
public final class SpatialSelfAttention extends Module {

  private final GroupNorm norm;
  private final Attention attention;

  public SpatialSelfAttention(ParameterSource source, String name, long channels, int groups, float eps,
      int headDim) {
    super(name);
    this.norm = child(new GroupNorm(source, path("group_norm"), groups, channels, eps));
    this.attention = child(new Attention(source, name, AttentionNames.DIFFUSERS_BIASED, channels, 0,
        (int) (channels / headDim), headDim));
  }

  public NDArray forward(NDArray x, AttentionHook hook) {
    try (Scope s = Scope.of(x)) {
      long b = x.getShape().get(0);
      long c = x.getShape().get(1);
      long h = x.getShape().get(2);
      long w = x.getShape().get(3);
      NDArray seq = norm.forward(x).reshape(b, c, h * w).transpose(0, 2, 1);
      NDArray y = attention.forward(seq, null, null, hook, h, w);
      return s.keep(y.transpose(0, 2, 1).reshape(b, c, h, w).add(x));
    }
  }
}
