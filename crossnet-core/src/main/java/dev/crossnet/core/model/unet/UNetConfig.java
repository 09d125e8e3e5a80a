package dev.crossnet.core.model.unet;

import dev.crossnet.core.model.JsonConfig;
import java.util.List;

/**
 * The settings of a {@code UNet2DConditionModel} that shape its weights and forward pass, read with
 * diffusers' defaults. Settings of variants not implemented (class or addition embeddings, SDXL-style nested
 * transformer depths, scale-shift time norm...) are rejected by name rather than silently ignored;
 * {@code upcast_attention} is ignored because everything runs in float32.
 *
 * @param heads attention heads per down block; diffusers reads {@code num_attention_heads}, falling back to
 *     {@code attention_head_dim}, which despite its name is the head count in SD 1.x/2.x configs
 */
public record UNetConfig(
    int inChannels,
    int outChannels,
    List<String> downBlockTypes,
    List<String> upBlockTypes,
    String midBlockType,
    int[] blockOutChannels,
    int[] layersPerBlock,
    int[] crossAttentionDim,
    int[] heads,
    int[] transformerLayersPerBlock,
    int normNumGroups,
    float normEps,
    boolean flipSinToCos,
    float freqShift,
    boolean useLinearProjection,
    int convInKernel,
    int convOutKernel,
    int downsamplePadding,
    int timeEmbedDim,
    float midBlockScaleFactor,
    boolean centerInputSample) {

  /** The widest layer accepted (channels, cross-attention width); real models stay far below. */
  public static final int MAX_WIDTH = 8192;

  /** Block types this implementation builds. */
  public static final List<String> DOWN_TYPES = List.of("CrossAttnDownBlock2D", "DownBlock2D");
  public static final List<String> UP_TYPES = List.of("CrossAttnUpBlock2D", "UpBlock2D");
  public static final String MID_TYPE = "UNetMidBlock2DCrossAttn";

  /** Reads a diffusers UNet config. */
  public static UNetConfig from(JsonConfig c) {
    c.requireUnset("class_embed_type", "class embeddings");
    c.requireUnset("addition_embed_type", "SDXL-style added embeddings");
    c.requireUnset("encoder_hid_dim", "encoder hidden projection");
    c.requireUnset("time_cond_proj_dim", "LCM time conditioning");
    c.requireUnset("timestep_post_act", "post-activation of the time embedding");
    c.requireUnset("time_embedding_act_fn", "activation of the time embedding");
    c.requireUnset("num_class_embeds", "class embeddings");
    c.requireUnset("reverse_transformer_layers_per_block", "asymmetric transformer depths");
    c.requireValue("resnet_time_scale_shift", "default", "scale-shift time norm");
    c.requireValue("time_embedding_type", "positional", "Fourier time embedding");
    c.requireValue("attention_type", "default", "gated attention");
    c.requireValue("act_fn", "silu", "other activations");
    if (c.getBoolean("dual_cross_attention", false)) {
      throw new IllegalArgumentException(c.source() + ": dual_cross_attention is not supported");
    }
    if (c.anyTrue("only_cross_attention")) {
      throw new IllegalArgumentException(c.source() + ": only_cross_attention is not supported");
    }
    List<String> down = c.requireStrings("down_block_types");
    List<String> up = c.requireStrings("up_block_types");
    int n = down.size();
    if (up.size() != n) {
      throw new IllegalArgumentException(c.source() + ": " + n + " down blocks but " + up.size()
          + " up blocks; a UNet needs as many of each");
    }
    for (String t : down) {
      check(c, t, DOWN_TYPES, "down_block_types");
    }
    for (String t : up) {
      check(c, t, UP_TYPES, "up_block_types");
    }
    String mid = c.getString("mid_block_type", MID_TYPE);
    check(c, mid, List.of(MID_TYPE), "mid_block_type");
    int[] channels = c.intsPerBlock("block_out_channels", n);
    if (channels == null) {
      throw new IllegalArgumentException(c.source() + ": required key 'block_out_channels' is missing");
    }
    int[] heads = c.isSet("num_attention_heads")
        ? c.intsPerBlock("num_attention_heads", n) : c.intsPerBlock("attention_head_dim", n);
    if (heads == null) {
      heads = new int[n];
      java.util.Arrays.fill(heads, 8);
    }
    int[] layers = orDefault(c.intsPerBlock("layers_per_block", n), n, 2);
    int[] cross = orDefault(c.intsPerBlock("cross_attention_dim", n), n, 1280);
    int[] depth = orDefault(c.intsPerBlock("transformer_layers_per_block", n), n, 1);
    c.requireWithin("block_out_channels", channels, 1, MAX_WIDTH, "Stable Diffusion XL uses at most 1280");
    c.requireWithin(c.isSet("num_attention_heads") ? "num_attention_heads" : "attention_head_dim", heads, 1, 256,
        "Stable Diffusion uses 5 to 64");
    c.requireWithin("layers_per_block", layers, 1, 64, "Stable Diffusion uses 2");
    c.requireWithin("cross_attention_dim", cross, 1, MAX_WIDTH, "Stable Diffusion XL uses 2048");
    c.requireWithin("transformer_layers_per_block", depth, 1, 64, "Stable Diffusion XL uses at most 10");
    int groups = c.requireWithin("norm_num_groups", c.getInt("norm_num_groups", 32), 1, 1024, "usually 32");
    for (int i = 0; i < n; i++) {
      if (channels[i] % groups != 0) {
        throw new IllegalArgumentException(c.source() + ": 'block_out_channels' entry " + i + " is " + channels[i]
            + ", not a multiple of norm_num_groups " + groups + " (group normalisation needs it); fix one of them in "
            + c.source());
      }
    }
    c.requireWithin("in_channels", c.getInt("in_channels", 4), 1, 64, "Stable Diffusion uses 4, inpainting 9");
    c.requireWithin("out_channels", c.getInt("out_channels", 4), 1, 64, "Stable Diffusion uses 4");
    int timeDim = c.getInt("time_embedding_dim", channels[0] * 4);
    c.requireWithin("time_embedding_dim", timeDim, 1, 4 * MAX_WIDTH, "Stable Diffusion uses 1280");
    return new UNetConfig(c.getInt("in_channels", 4), c.getInt("out_channels", 4), down, up, mid, channels,
        layers, cross, heads, depth, c.getInt("norm_num_groups", 32), c.getFloat("norm_eps", 1e-5f),
        c.getBoolean("flip_sin_to_cos", true), c.getFloat("freq_shift", 0f),
        c.getBoolean("use_linear_projection", false), c.getInt("conv_in_kernel", 3),
        c.getInt("conv_out_kernel", 3), c.getInt("downsample_padding", 1), timeDim,
        c.getFloat("mid_block_scale_factor", 1f), c.getBoolean("center_input_sample", false));
  }

  private static void check(JsonConfig c, String type, List<String> allowed, String key) {
    if (!allowed.contains(type)) {
      throw new IllegalArgumentException(c.source() + ": " + key + " entry '" + type
          + "' is not supported; supported: " + allowed);
    }
  }

  private static int[] orDefault(int[] v, int n, int fallback) {
    if (v != null) {
      return v;
    }
    int[] out = new int[n];
    java.util.Arrays.fill(out, fallback);
    return out;
  }

  /** Number of resolution levels. */
  public int levels() {
    return blockOutChannels.length;
  }
}
