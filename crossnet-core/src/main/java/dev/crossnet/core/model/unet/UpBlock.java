package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.nn.Upsample2D;
import java.util.Deque;

/**
 * diffusers' {@code UpBlock2D} and, with attentions, {@code CrossAttnUpBlock2D}: layers_per_block + 1 resnets,
 * each fed the concatenation of the running features and the latest skip, then an upsampler except at the
 * last level.
 */
final class UpBlock extends ResnetAttentionBlock {

  private final Upsample2D upsampler;

  /**
   * @param reversedLevel position of the block on the up path (0 = deepest)
   * @param prevOut channels coming from the block below
   * @param skipIn channels of the deepest skip this block takes (the next level's width)
   */
  UpBlock(ParameterSource source, String name, UNetConfig c, int reversedLevel, int prevOut, int skipIn,
      boolean crossAttention, boolean upsample) {
    super(name);
    int level = c.levels() - 1 - reversedLevel;
    int out = c.blockOutChannels()[level];
    int layers = c.layersPerBlock()[level] + 1;
    for (int j = 0; j < layers; j++) {
      int skip = j == layers - 1 ? skipIn : out;
      int resIn = j == 0 ? prevOut : out;
      addLayer(source, c, level, j, resIn + skip, out, crossAttention);
    }
    upsampler = upsample ? child(new Upsample2D(source, path("upsamplers.0"), out, out)) : null;
  }

  int skipsTaken() {
    return layers();
  }

  /** Consumes this block's skips from the end of {@code skips}; upsamples to the next skip's size. */
  NDArray forward(NDArray x, NDArray temb, NDArray context, ImagePrompt image, Deque<NDArray> skips,
      AttentionHook hook) {
    NDArray y = x;
    for (int j = 0; j < layers(); j++) {
      NDArray skip = skips.removeLast();
      try (Scope s = Scope.of(y, temb, context, skip)) {
        y = s.keep(layer(j, y.concat(skip, 1), temb, context, image, hook));
      }
    }
    if (upsampler != null) {
      NDArray next = skips.peekLast();
      y = next == null ? upsampler.forward(y)
          : upsampler.forward(y, next.getShape().get(2), next.getShape().get(3));
    }
    return y;
  }

  long macs(long h, long w, long textTokens) {
    long sum = layerMacs(h, w, textTokens);
    if (upsampler != null) {
      sum += upsampler.macs(h * 2, w * 2);
    }
    return sum;
  }
}
