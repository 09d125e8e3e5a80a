package dev.crossnet.core.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.defaultmodel.WordBpeVocabulary;
import dev.crossnet.core.figureworld.CaptionVocabulary;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.model.clip.ClipTextConfig;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.pipeline.LatentCodec;
import dev.crossnet.core.text.ClipTokenizer;

/** A pixel-space model with random weights, a FigureWorld word tokenizer and an 8-wide CLIP: fast enough to train. */
final class TinyParts {

  static final String UNET = """
      {"attention_head_dim": 2, "block_out_channels": [16, 32], "cross_attention_dim": 8, "in_channels": 3,
       "out_channels": 3, "down_block_types": ["CrossAttnDownBlock2D", "DownBlock2D"], "layers_per_block": 1,
       "norm_num_groups": 4, "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D"]}
      """;

  private TinyParts() {}

  static DiffusionParts create(NDManager m) {
    return create(UNET, m);
  }

  /** The same with an inpainting UNet: the noisy picture, the mask and the masked picture in, 7 channels. */
  static DiffusionParts createInpainting(NDManager m) {
    return create(UNET.replace("\"in_channels\": 3", "\"in_channels\": 7"), m);
  }

  private static DiffusionParts create(String unetJson, NDManager m) {
    WordBpeVocabulary words = WordBpeVocabulary.learn(CaptionVocabulary.words());
    ClipTokenizer tokenizer = ClipTokenizer.of(words.vocabulary(), words.merges());
    ClipTextConfig clipConfig = new ClipTextConfig(tokenizer.vocabularySize(), 8, 16, 1, 2, 77, "quick_gelu",
        1e-5f, tokenizer.eosId());
    ClipTextModel clip = ClipTextModel.create(clipConfig,
        RandomParameters.store(s -> new ClipTextModel(clipConfig, s), 3, m), m);
    UNetConfig unetConfig = UNetConfig.from(JsonConfig.parse("tiny-unet.json", unetJson));
    UNet2DConditionModel unet = UNet2DConditionModel.create(unetConfig,
        RandomParameters.store(s -> new UNet2DConditionModel(unetConfig, s), 11, m), m);
    PluginConfig scheduler = PluginConfig.of("_class_name", "DDIMScheduler", "num_train_timesteps", 1000,
        "beta_start", 0.00085, "beta_end", 0.012, "beta_schedule", "scaled_linear", "prediction_type", "epsilon",
        "set_alpha_to_one", false, "steps_offset", 1, "clip_sample", false);
    return new DiffusionParts(tokenizer, clip, unet, LatentCodec.pixels(), scheduler);
  }
}
