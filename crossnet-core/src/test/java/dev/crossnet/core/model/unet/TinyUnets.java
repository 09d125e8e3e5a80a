package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.weights.MemoryTensorStore;

/** SD 1.x- and SD 2.x-shaped UNet configs (the real keys, channels shrunk) with seeded random weights. */
final class TinyUnets {

  /** stable-diffusion-v1-5/unet/config.json with 32/64 channels, 16-wide text and 8 norm groups. */
  static final String SD1 = """
      {"_class_name": "UNet2DConditionModel", "_diffusers_version": "0.6.0", "act_fn": "silu",
       "attention_head_dim": 8, "block_out_channels": [32, 32, 64, 64], "center_input_sample": false,
       "cross_attention_dim": 16,
       "down_block_types": ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"],
       "downsample_padding": 1, "flip_sin_to_cos": true, "freq_shift": 0, "in_channels": 4,
       "layers_per_block": 2, "mid_block_scale_factor": 1, "norm_eps": 1e-05, "norm_num_groups": 8,
       "out_channels": 4, "sample_size": 64,
       "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"]}
      """;

  /** stable-diffusion-2-1/unet/config.json: head counts per block, linear projections, upcast attention. */
  static final String SD2 = """
      {"_class_name": "UNet2DConditionModel", "_diffusers_version": "0.10.0.dev0", "act_fn": "silu",
       "attention_head_dim": [5, 10, 20, 20], "block_out_channels": [40, 80, 160, 160],
       "center_input_sample": false, "cross_attention_dim": 24, "dual_cross_attention": false,
       "down_block_types": ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"],
       "downsample_padding": 1, "flip_sin_to_cos": true, "freq_shift": 0, "in_channels": 4,
       "layers_per_block": 2, "mid_block_scale_factor": 1, "norm_eps": 1e-05, "norm_num_groups": 8,
       "num_class_embeds": null, "only_cross_attention": false, "out_channels": 4, "sample_size": 96,
       "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"],
       "upcast_attention": true, "use_linear_projection": true}
      """;

  /** A two-level UNet small enough for many forwards in a test. */
  static final String SMALL = """
      {"attention_head_dim": 2, "block_out_channels": [16, 32], "cross_attention_dim": 8,
       "down_block_types": ["CrossAttnDownBlock2D", "DownBlock2D"], "layers_per_block": 1,
       "norm_num_groups": 4, "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D"]}
      """;

  private TinyUnets() {}

  static UNetConfig config(String json) {
    return UNetConfig.from(JsonConfig.parse("test-config.json", json));
  }

  static MemoryTensorStore randomWeights(UNetConfig c, NDManager m) {
    return RandomParameters.store(s -> new UNet2DConditionModel(c, s), 11, m);
  }

  static UNet2DConditionModel random(String json, NDManager m) {
    UNetConfig c = config(json);
    return UNet2DConditionModel.create(c, randomWeights(c, m), m);
  }
}
