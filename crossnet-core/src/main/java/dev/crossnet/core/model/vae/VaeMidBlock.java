package dev.crossnet.core.model.vae;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.ResnetBlock2D;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.nn.SpatialSelfAttention;

/** diffusers' {@code UNetMidBlock2D} as the VAE uses it: resnet, single-head pixel attention, resnet. */
final class VaeMidBlock extends Module {

  private static final float EPS = 1e-6f;

  private final ResnetBlock2D first;
  private final SpatialSelfAttention attention;
  private final ResnetBlock2D second;

  VaeMidBlock(ParameterSource source, String name, int channels, int groups, boolean withAttention) {
    super(name);
    first = child(new ResnetBlock2D(source, path("resnets.0"), channels, channels, 0, groups, EPS, 1f));
    attention = withAttention
        ? child(new SpatialSelfAttention(source, path("attentions.0"), channels, groups, EPS, channels)) : null;
    second = child(new ResnetBlock2D(source, path("resnets.1"), channels, channels, 0, groups, EPS, 1f));
  }

  NDArray forward(NDArray x, AttentionHook hook) {
    try (Scope s = Scope.of(x)) {
      NDArray y = first.forward(x, null);
      if (attention != null) {
        y = attention.forward(y, hook);
      }
      return s.keep(second.forward(y, null));
    }
  }
}
