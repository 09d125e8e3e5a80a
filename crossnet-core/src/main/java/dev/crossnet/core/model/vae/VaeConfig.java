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
    int[] channels = c.intsPerBlock("block_out_channels", down.size());
    if (channels == null) {
      throw new IllegalArgumentException(c.source() + ": required key 'block_out_channels' is missing");
    }
    c.requireWithin("block_out_channels", channels, 1, 8192, "Stable Diffusion's VAE uses at most 512");
    int groups = c.requireWithin("norm_num_groups", c.getInt("norm_num_groups", 32), 1, 1024, "usually 32");
    for (int i = 0; i < channels.length; i++) {
      if (channels[i] % groups != 0) {
        throw new IllegalArgumentException(c.source() + ": 'block_out_channels' entry " + i + " is " + channels[i]
            + ", not a multiple of norm_num_groups " + groups + " (group normalisation needs it); fix one of them in "
            + c.source());
      }
    }
    return new VaeConfig(c.requireWithin("in_channels", c.getInt("in_channels", 3), 1, 64, "pictures have 3"),
        c.requireWithin("out_channels", c.getInt("out_channels", 3), 1, 64, "pictures have 3"),
        c.requireWithin("latent_channels", c.getInt("latent_channels", 4), 1, 64, "Stable Diffusion uses 4, SD3 16"),
        channels, c.requireWithin("layers_per_block", c.getInt("layers_per_block", 1), 1, 64, "usually 2"),
        groups, c.getFloat("scaling_factor", 0.18215f),
        c.getBoolean("mid_block_add_attention", true), c.getBoolean("use_quant_conv", true),
        c.getBoolean("use_post_quant_conv", true));
  }
}
