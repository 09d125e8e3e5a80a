package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.ResnetBlock2D;
import java.util.ArrayList;
import java.util.List;

/**
 * What the down and up blocks share: a run of layers, each a resnet followed, when the block cross-attends,
 * by a transformer at the level's width ({@code resnets.j} and {@code attentions.j}).
 */
abstract class ResnetAttentionBlock extends Module {

  private final List<ResnetBlock2D> resnets = new ArrayList<>();
  private final List<Transformer2DModel> attentions = new ArrayList<>();

  ResnetAttentionBlock(String name) {
    super(name);
  }

  /** Adds layer {@code j}: a resnet from {@code in} to {@code out} channels, then the transformer if any. */
  final void addLayer(ParameterSource source, UNetConfig c, int level, int j, int in, int out,
      boolean crossAttention) {
    resnets.add(child(new ResnetBlock2D(source, path("resnets." + j), in, out, c.timeEmbedDim(),
        c.normNumGroups(), c.normEps(), 1f)));
    if (crossAttention) {
      attentions.add(child(Transformer2DModel.atLevel(source, path("attentions." + j), c, level, out)));
    }
  }

  final int layers() {
    return resnets.size();
  }

  /** Layer {@code j} on {@code x}: the resnet, then the transformer if the block has them. */
  final NDArray layer(int j, NDArray x, NDArray temb, NDArray context, ImagePrompt image, AttentionHook hook) {
    NDArray r = resnets.get(j).forward(x, temb);
    if (!attentions.isEmpty()) {
      r = attentions.get(j).forward(r, context, image, hook);
    }
    return r;
  }

  /** Multiply-accumulates of all layers at an h x w input. */
  final long layerMacs(long h, long w, long textTokens) {
    long sum = 0;
    for (int j = 0; j < resnets.size(); j++) {
      sum += resnets.get(j).macs(h, w);
      if (!attentions.isEmpty()) {
        sum += attentions.get(j).macs(h, w, textTokens);
      }
    }
    return sum;
  }
}
