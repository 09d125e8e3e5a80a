package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Downsample2D;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.ResnetBlock2D;
import dev.crossnet.core.nn.Scope;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * diffusers' {@code DownBlock2D} and, with attentions, {@code CrossAttnDownBlock2D}: resnets (each followed
 * by a transformer when cross-attending), then a stride-2 downsampler except at the last level. Every
 * stage's output is pushed as a skip connection for the up path.
 */
final class DownBlock extends Module {

  private final List<ResnetBlock2D> resnets = new ArrayList<>();
  private final List<Transformer2DModel> attentions = new ArrayList<>();
  private final Downsample2D downsampler;

  DownBlock(ParameterSource source, String name, UNetConfig c, int level, int in, boolean crossAttention,
      boolean downsample) {
    super(name);
    int out = c.blockOutChannels()[level];
    for (int j = 0; j < c.layersPerBlock()[level]; j++) {
      resnets.add(child(new ResnetBlock2D(source, path("resnets." + j), j == 0 ? in : out, out,
          c.timeEmbedDim(), c.normNumGroups(), c.normEps(), 1f)));
      if (crossAttention) {
        attentions.add(child(new Transformer2DModel(source, path("attentions." + j), out, c.heads()[level],
            c.transformerLayersPerBlock()[level], c.crossAttentionDim()[level], c.normNumGroups(),
            c.useLinearProjection())));
      }
    }
    downsampler = downsample
        ? child(new Downsample2D(source, path("downsamplers.0"), out, out, c.downsamplePadding())) : null;
  }

  /** Runs the block and appends its skip outputs to {@code skips} (kept in x's manager). */
  NDArray forward(NDArray x, NDArray temb, NDArray context, Deque<NDArray> skips, AttentionHook hook) {
    NDArray y = x;
    for (int j = 0; j < resnets.size(); j++) {
      try (Scope s = Scope.of(y, temb, context)) {
        NDArray r = resnets.get(j).forward(y, temb);
        if (!attentions.isEmpty()) {
          r = attentions.get(j).forward(r, context, hook);
        }
        y = s.keep(r);
      }
      skips.addLast(y);
    }
    if (downsampler != null) {
      y = downsampler.forward(y);
      skips.addLast(y);
    }
    return y;
  }

  long macs(long h, long w, long textTokens) {
    long sum = 0;
    for (int j = 0; j < resnets.size(); j++) {
      sum += resnets.get(j).macs(h, w);
      if (!attentions.isEmpty()) {
        sum += attentions.get(j).macs(h, w, textTokens);
      }
    }
    if (downsampler != null) {
      sum += downsampler.macs(h / 2, w / 2);
    }
    return sum;
  }
}
