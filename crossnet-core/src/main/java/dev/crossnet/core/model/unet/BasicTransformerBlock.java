package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.Attention;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.AttentionNames;
import dev.crossnet.core.nn.DecoupledKeyValues;
import dev.crossnet.core.nn.FeedForward;
import dev.crossnet.core.nn.LayerNorm;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;

/**
 * diffusers' {@code BasicTransformerBlock}: self-attention, cross-attention to the text (plus, with an
 * {@link ImagePrompt}, IP-Adapter's decoupled attention to the image tokens), GEGLU feed-forward.
 */
final class BasicTransformerBlock extends Module {

  private static final float EPS = 1e-5f;

  private final LayerNorm norm1;
  private final Attention attn1;
  private final LayerNorm norm2;
  private final Attention attn2;
  private final LayerNorm norm3;
  private final FeedForward ff;

  BasicTransformerBlock(ParameterSource source, String name, int dim, int heads, int headDim, int crossDim) {
    super(name);
    norm1 = child(new LayerNorm(source, path("norm1"), dim, EPS));
    attn1 = child(new Attention(source, path("attn1"), AttentionNames.DIFFUSERS, dim, 0, heads, headDim));
    norm2 = child(new LayerNorm(source, path("norm2"), dim, EPS));
    attn2 = child(new Attention(source, path("attn2"), AttentionNames.DIFFUSERS, dim, crossDim, heads,
        headDim));
    norm3 = child(new LayerNorm(source, path("norm3"), dim, EPS));
    ff = child(new FeedForward(source, path("ff"), dim, dim * 4L, true));
  }

  /** @param image the image prompt whose adapter adds a decoupled part to attn2, or null for text only */
  NDArray forward(NDArray x, NDArray context, ImagePrompt image, AttentionHook hook, long h, long w) {
    try (Scope s = Scope.of(x, context, image == null ? null : image.tokens())) {
      NDArray y = attn1.forward(norm1.forward(x), null, null, hook, h, w).add(x);
      DecoupledKeyValues ip = image == null ? null
          : image.adapter().keyValues(attn2.name(), image.tokens(), image.scale());
      y = attn2.forward(norm2.forward(y), context, null, hook, h, w, ip).add(y);
      y = ff.forward(norm3.forward(y)).add(y);
      return s.keep(y);
    }
  }

  long macs(long tokens, long textTokens, long dim) {
    return attn1.macs(tokens, tokens) + attn2.macs(tokens, textTokens) + tokens * dim * dim * 4 * 3;
  }
}
