package dev.crossnet.core.model.vae;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.Activations;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Conv2d;
import dev.crossnet.core.nn.GroupNorm;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.ResnetBlock2D;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.nn.Upsample2D;
import java.util.ArrayList;
import java.util.List;

/** diffusers' VAE {@code Decoder}: latents (after post_quant_conv) to pixels. */
final class VaeDecoder extends Module {

  private static final float EPS = 1e-6f;

  private final Conv2d convIn;
  private final VaeMidBlock mid;
  private final List<List<ResnetBlock2D>> levels = new ArrayList<>();
  private final List<Upsample2D> upsamplers = new ArrayList<>();
  private final GroupNorm normOut;
  private final Conv2d convOut;

  VaeDecoder(ParameterSource source, String name, VaeConfig c) {
    super(name);
    int[] ch = c.blockOutChannels();
    int n = ch.length;
    int g = c.normNumGroups();
    convIn = child(Conv2d.same(source, path("conv_in"), c.latentChannels(), ch[n - 1], 3));
    mid = child(new VaeMidBlock(source, path("mid_block"), ch[n - 1], g, c.midBlockAttention()));
    int out = ch[n - 1];
    for (int i = 0; i < n; i++) {
      int in = out;
      out = ch[n - 1 - i];
      String block = "up_blocks." + i;
      List<ResnetBlock2D> level = new ArrayList<>();
      for (int j = 0; j < c.layersPerBlock() + 1; j++) {
        level.add(child(new ResnetBlock2D(source, path(block + ".resnets." + j), j == 0 ? in : out, out, 0, g,
            EPS, 1f)));
      }
      levels.add(level);
      upsamplers.add(i < n - 1 ? child(new Upsample2D(source, path(block + ".upsamplers.0"), out, out)) : null);
    }
    normOut = child(new GroupNorm(source, path("conv_norm_out"), g, ch[0], EPS));
    convOut = child(Conv2d.same(source, path("conv_out"), ch[0], c.outChannels(), 3));
  }

  NDArray forward(NDArray z, AttentionHook hook) {
    try (Scope s = Scope.of(z)) {
      NDArray x = mid.forward(convIn.forward(z), hook);
      for (int i = 0; i < levels.size(); i++) {
        for (ResnetBlock2D r : levels.get(i)) {
          x = r.forward(x, null);
        }
        if (upsamplers.get(i) != null) {
          x = upsamplers.get(i).forward(x);
        }
      }
      return s.keep(convOut.forward(Activations.silu(normOut.forward(x))));
    }
  }
}
