package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Conv2d;
import dev.crossnet.core.nn.GroupNorm;
import dev.crossnet.core.nn.Linear;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * diffusers' {@code Transformer2DModel} on continuous input: group norm (eps 1e-6), projection in (1x1 conv,
 * or linear when {@code use_linear_projection}), transformer blocks over the H x W tokens, projection out,
 * residual.
 */
final class Transformer2DModel extends Module {

  private final GroupNorm norm;
  private final boolean linear;
  private final Module projIn;
  private final Module projOut;
  private final List<BasicTransformerBlock> blocks = new ArrayList<>();
  private final int inner;
  private final int channels;

  /** The transformer of a UNet level, with that level's heads, depth and cross-attention width. */
  static Transformer2DModel atLevel(ParameterSource source, String name, UNetConfig c, int level, int channels) {
    return new Transformer2DModel(source, name, channels, c.heads()[level], c.transformerLayersPerBlock()[level],
        c.crossAttentionDim()[level], c.normNumGroups(), c.useLinearProjection());
  }

  Transformer2DModel(ParameterSource source, String name, int channels, int heads, int depth, int crossDim,
      int groups, boolean linearProjection) {
    super(name);
    if (channels % heads != 0) {
      throw new IllegalArgumentException(name + ": " + channels + " channels are not divisible by " + heads
          + " attention heads; fix attention_head_dim/num_attention_heads in config.json");
    }
    int headDim = channels / heads;
    this.inner = heads * headDim;
    this.channels = channels;
    this.linear = linearProjection;
    norm = child(new GroupNorm(source, path("norm"), groups, channels, 1e-6f));
    projIn = child(linear ? new Linear(source, path("proj_in"), channels, inner, true)
        : new Conv2d(source, path("proj_in"), channels, inner, 1, 1, 0));
    for (int i = 0; i < depth; i++) {
      blocks.add(child(new BasicTransformerBlock(source, path("transformer_blocks." + i), inner, heads, headDim,
          crossDim)));
    }
    projOut = child(linear ? new Linear(source, path("proj_out"), inner, channels, true)
        : new Conv2d(source, path("proj_out"), inner, channels, 1, 1, 0));
  }

  NDArray forward(NDArray x, NDArray context, ImagePrompt image, AttentionHook hook) {
    try (Scope s = Scope.of(x, context)) {
      long b = x.getShape().get(0);
      long h = x.getShape().get(2);
      long w = x.getShape().get(3);
      NDArray y = norm.forward(x);
      if (linear) {
        y = ((Linear) projIn).forward(toTokens(y, b, h, w));
      } else {
        y = toTokens(((Conv2d) projIn).forward(y), b, h, w);
      }
      for (BasicTransformerBlock block : blocks) {
        y = block.forward(y, context, image, hook, h, w);
      }
      if (linear) {
        y = toImage(((Linear) projOut).forward(y), b, h, w);
      } else {
        y = ((Conv2d) projOut).forward(toImage(y, b, h, w));
      }
      return s.keep(y.add(x));
    }
  }

  private static NDArray toTokens(NDArray x, long b, long h, long w) {
    return x.transpose(0, 2, 3, 1).reshape(b, h * w, x.getShape().get(1));
  }

  private static NDArray toImage(NDArray x, long b, long h, long w) {
    return x.reshape(b, h, w, x.getShape().get(2)).transpose(0, 3, 1, 2);
  }

  long macs(long h, long w, long textTokens) {
    long tokens = h * w;
    long sum = 2 * tokens * channels * inner;
    for (BasicTransformerBlock block : blocks) {
      sum += block.macs(tokens, textTokens, inner);
    }
    return sum;
  }
}
