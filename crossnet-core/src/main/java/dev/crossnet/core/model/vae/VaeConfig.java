package dev.crossnet.core.model.vae;

import dev.crossnet.core.model.JsonConfig;
import java.util.List;

/** The settings of an {@code AutoencoderKL}, read with diffusers' defaults. */
public record VaeConfig(int inChannels, int outChannels, int latentChannels, int[] blockOutChannels,
    int layersPerBlock, int normNumGroups, float scalingFactor, boolean midBlockAttention, boolean quantConv,
    boolean postQuantConv) {

  public static VaeConfig from(JsonConfig c) {
    List<String> down = c.requireStrings("down_block_types");
    List<String> up = c.requireStrings("up_block_types");
    for (String t : down) {
      if (!t.equals("DownEncoderBlock2D")) {
        throw new IllegalArgumentException(c.source() + ": down block '" + t
            + "' is not supported; only DownEncoderBlock2D is");
      }
    }
    for (String t : up) {
      if (!t.equals("UpDecoderBlock2D")) {
        throw new IllegalArgumentException(c.source() + ": up block '" + t
            + "' is not supported; only UpDecoderBlock2D is");
      }
    }
    if (down.size() != up.size()) {
      throw new IllegalArgumentException(c.source() + ": " + down.size() + " down blocks but " + up.size()
          + " up blocks");
    }
    c.requireValue("act_fn", "silu", "other activations");
    c.requireUnset("shift_factor", "latent shift (SD3-style VAEs)");
    c.requireUnset("latents_mean", "per-channel latent statistics");
    return new VaeConfig(c.getInt("in_channels", 3), c.getInt("out_channels", 3),
        c.getInt("latent_channels", 4), c.intsPerBlock("block_out_channels", down.size()),
        c.getInt("layers_per_block", 1), c.getInt("norm_num_groups", 32), c.getFloat("scaling_factor", 0.18215f),
        c.getBoolean("mid_block_add_attention", true), c.getBoolean("use_quant_conv", true),
        c.getBoolean("use_post_quant_conv", true));
  }
}
