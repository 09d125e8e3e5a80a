package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.ResnetBlock2D;
import dev.crossnet.core.nn.Scope;

/** diffusers' {@code UNetMidBlock2DCrossAttn} with one layer: resnet, transformer, resnet. */
final class MidBlock extends Module {

  private final ResnetBlock2D first;
  private final Transformer2DModel attention;
  private final ResnetBlock2D second;

  MidBlock(ParameterSource source, String name, UNetConfig c) {
    super(name);
    int last = c.levels() - 1;
    int ch = c.blockOutChannels()[last];
    first = child(new ResnetBlock2D(source, path("resnets.0"), ch, ch, c.timeEmbedDim(), c.normNumGroups(),
        c.normEps(), c.midBlockScaleFactor()));
    attention = child(Transformer2DModel.atLevel(source, path("attentions.0"), c, last, ch));
    second = child(new ResnetBlock2D(source, path("resnets.1"), ch, ch, c.timeEmbedDim(), c.normNumGroups(),
        c.normEps(), c.midBlockScaleFactor()));
  }

  NDArray forward(NDArray x, NDArray temb, NDArray context, ImagePrompt image, AttentionHook hook) {
    try (Scope s = Scope.of(x, temb, context)) {
      NDArray y = first.forward(x, temb);
      y = attention.forward(y, context, image, hook);
      return s.keep(second.forward(y, temb));
    }
  }

  long macs(long h, long w, long textTokens) {
    return first.macs(h, w) + attention.macs(h, w, textTokens) + second.macs(h, w);
  }
}
