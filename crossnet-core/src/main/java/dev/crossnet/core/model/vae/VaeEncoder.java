package dev.crossnet.core.model.vae;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.Activations;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Conv2d;
import dev.crossnet.core.nn.Downsample2D;
import dev.crossnet.core.nn.GroupNorm;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.ResnetBlock2D;
import dev.crossnet.core.nn.Scope;
import java.util.ArrayList;
import java.util.List;

/** diffusers' VAE {@code Encoder}: image to the 2 x latent-channel moments (before quant_conv). */
final class VaeEncoder extends Module {

  private static final float EPS = 1e-6f;

  private final Conv2d convIn;
  private final List<ResnetBlock2D> resnets = new ArrayList<>();
  private final List<Downsample2D> downsamplers = new ArrayList<>();
  private final List<Integer> resnetsPerLevel = new ArrayList<>();
  private final VaeMidBlock mid;
  private final GroupNorm normOut;
  private final Conv2d convOut;

  VaeEncoder(ParameterSource source, String name, VaeConfig c) {
    super(name);
    int[] ch = c.blockOutChannels();
    int g = c.normNumGroups();
    convIn = child(Conv2d.same(source, path("conv_in"), c.inChannels(), ch[0], 3));
    int out = ch[0];
    for (int i = 0; i < ch.length; i++) {
      int in = out;
      out = ch[i];
      String block = "down_blocks." + i;
      for (int j = 0; j < c.layersPerBlock(); j++) {
        resnets.add(child(new ResnetBlock2D(source, path(block + ".resnets." + j), j == 0 ? in : out, out, 0, g,
            EPS, 1f)));
      }
      resnetsPerLevel.add(c.layersPerBlock());
      downsamplers.add(i < ch.length - 1
          ? child(new Downsample2D(source, path(block + ".downsamplers.0"), out, out, 0)) : null);
    }
    int last = ch[ch.length - 1];
    mid = child(new VaeMidBlock(source, path("mid_block"), last, g, c.midBlockAttention()));
    normOut = child(new GroupNorm(source, path("conv_norm_out"), g, last, EPS));
    convOut = child(Conv2d.same(source, path("conv_out"), last, 2L * c.latentChannels(), 3));
  }

  NDArray forward(NDArray image, AttentionHook hook) {
    try (Scope s = Scope.of(image)) {
      NDArray x = convIn.forward(image);
      int r = 0;
      for (int i = 0; i < resnetsPerLevel.size(); i++) {
        for (int j = 0; j < resnetsPerLevel.get(i); j++) {
          x = resnets.get(r++).forward(x, null);
        }
        if (downsamplers.get(i) != null) {
          x = downsamplers.get(i).forward(x);
        }
      }
      x = mid.forward(x, hook);
      return s.keep(convOut.forward(Activations.silu(normOut.forward(x))));
    }
  }
}
