package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Downsample2D;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;
import java.util.Deque;

/**
 * diffusers' {@code DownBlock2D} and, with attentions, {@code CrossAttnDownBlock2D}: resnets (each followed
 * by a transformer when cross-attending), then a stride-2 downsampler except at the last level. Every
 * stage's output is pushed as a skip connection for the up path.
 */
final class DownBlock extends ResnetAttentionBlock {

  private final Downsample2D downsampler;

  DownBlock(ParameterSource source, String name, UNetConfig c, int level, int in, boolean crossAttention,
      boolean downsample) {
    super(name);
    int out = c.blockOutChannels()[level];
    for (int j = 0; j < c.layersPerBlock()[level]; j++) {
      addLayer(source, c, level, j, j == 0 ? in : out, out, crossAttention);
    }
    downsampler = downsample
        ? child(new Downsample2D(source, path("downsamplers.0"), out, out, c.downsamplePadding())) : null;
  }

  /** Runs the block and appends its skip outputs to {@code skips} (kept in x's manager). */
  NDArray forward(NDArray x, NDArray temb, NDArray context, ImagePrompt image, Deque<NDArray> skips,
      AttentionHook hook) {
    NDArray y = x;
    for (int j = 0; j < layers(); j++) {
      try (Scope s = Scope.of(y, temb, context)) {
        y = s.keep(layer(j, y, temb, context, image, hook));
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
    long sum = layerMacs(h, w, textTokens);
    if (downsampler != null) {
      sum += downsampler.macs(h / 2, w / 2);
    }
    return sum;
  }
}
