package dev.crossnet.core.defaultmodel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.model.clip.ClipTextConfig;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.model.vae.VaeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture of the default model: a small latent autoencoder (f = 4), a tiny CLIP text encoder and a
 * cross-attention UNet, plus the noise schedule. Each part is kept as the JSON its diffusers / transformers
 * {@code config.json} holds, so that the exported folder reads back with this repository's loaders and with
 * diffusers alike.
 *
 * <pre>{@code
 * DefaultModelConfig c = DefaultModelConfig.standard();
 * UNetConfig unet = c.unetConfig();
 * }</pre>
 *
 * @param imageSize side of the square pictures (64)
 * @param vaeChannels VAE block_out_channels; 2^(n-1) is the downscale factor
 * @param vaeGroups VAE norm_num_groups
 * @param unetChannels UNet block_out_channels
 * @param unetGroups UNet norm_num_groups
 * @param unetHeads UNet attention heads (diffusers' attention_head_dim)
 * @param textHidden text encoder hidden size, also the UNet's cross_attention_dim
 * @param textLayers text encoder layers
 * @param textHeads text encoder heads
 * @param textIntermediate text encoder MLP width
 * @param maxTokens text encoder positions and tokenizer length, bos and eos included
 * @param betaStart first beta of the linear schedule
 * @param betaEnd last beta of the linear schedule
 * @param trainTimesteps diffusion steps of training
 * @param predictionType what the UNet predicts: "epsilon" (the noise) or "v_prediction" (v = a eps - b x0)
 */
public record DefaultModelConfig(int imageSize, List<Integer> vaeChannels, int vaeGroups, List<Integer> unetChannels,
    int unetGroups, int unetHeads, int textHidden, int textLayers, int textHeads, int textIntermediate,
    int maxTokens, double betaStart, double betaEnd, int trainTimesteps, String predictionType) {

  /** The prediction type of a UNet that predicts the noise. */
  public static final String EPSILON = "epsilon";
  /** The prediction type of a UNet that predicts v. */
  public static final String V_PREDICTION = "v_prediction";
  static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  static final String DIFFUSERS_VERSION = "0.30.0";

  public DefaultModelConfig {
    vaeChannels = List.copyOf(vaeChannels);
    unetChannels = List.copyOf(unetChannels);
    if (imageSize % (1 << (vaeChannels.size() - 1)) != 0) {
      throw new IllegalArgumentException("image size " + imageSize + " is not a multiple of the VAE's downscale "
          + (1 << (vaeChannels.size() - 1)));
    }
    if (!predictionType.equals(EPSILON) && !predictionType.equals(V_PREDICTION)) {
      throw new IllegalArgumentException("prediction type '" + predictionType + "' is not one of " + EPSILON
          + ", " + V_PREDICTION);
    }
  }

  /** The shipped model: 64x64 pictures, 16x16x4 latents. */
  public static DefaultModelConfig standard() {
    return new DefaultModelConfig(64, List.of(32, 64, 64), 32, List.of(64, 96, 128), 32, 8, 64, 3, 4, 192, 48,
        1e-4, 0.02, 1000, EPSILON);
  }

  /**
   * The default model v2 for scenes where figures are the main subject: 128x128 pictures through a four-level
   * autoencoder (f = 8, widths 64-128, chosen over 32-64 and over 8 latent channels by measurement: see
   * docs/default-model-v2.md) to 16x16x4 latents, so that the UNet and text encoder cost what the 64x64 model's do
   * while each figure spans many more latent cells. The UNet predicts v (trained with min-SNR weighting), which
   * drew better than noise prediction on the same budget (docs/default-model-v2.md).
   */
  public static DefaultModelConfig mainSubject() {
    return new DefaultModelConfig(128, List.of(64, 128, 128, 128), 32, List.of(64, 96, 128), 32, 8, 64, 3, 4, 192, 48,
        1e-4, 0.02, 1000, V_PREDICTION);
  }

  /** A very small variant for tests: 16x16 pictures, two-level networks. */
  public static DefaultModelConfig tiny() {
    return new DefaultModelConfig(16, List.of(8, 8), 4, List.of(8, 16), 4, 2, 8, 1, 2, 16, 24, 1e-4, 0.02, 1000,
        EPSILON);
  }

  /** This configuration with another prediction type. */
  public DefaultModelConfig withPredictionType(String type) {
    return new DefaultModelConfig(imageSize, vaeChannels, vaeGroups, unetChannels, unetGroups, unetHeads, textHidden,
        textLayers, textHeads, textIntermediate, maxTokens, betaStart, betaEnd, trainTimesteps, type);
  }

  /** Spatial factor between pictures and latents. */
  public int downscale() {
    return 1 << (vaeChannels.size() - 1);
  }

  /** Side of the square latents. */
  public int latentSize() {
    return imageSize / downscale();
  }

  /** The VAE's {@code config.json} content. */
  public Map<String, Object> vaeJson(double scalingFactor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class_name", "AutoencoderKL");
    m.put("_diffusers_version", DIFFUSERS_VERSION);
    m.put("act_fn", "silu");
    m.put("block_out_channels", vaeChannels);
    m.put("down_block_types", repeat("DownEncoderBlock2D", vaeChannels.size()));
    m.put("in_channels", 3);
    m.put("latent_channels", 4);
    m.put("layers_per_block", 1);
    m.put("norm_num_groups", vaeGroups);
    m.put("out_channels", 3);
    m.put("sample_size", imageSize);
    m.put("scaling_factor", scalingFactor);
    m.put("up_block_types", repeat("UpDecoderBlock2D", vaeChannels.size()));
    return m;
  }

  /** The UNet's {@code config.json} content. */
  public Map<String, Object> unetJson() {
    int n = unetChannels.size();
    List<String> down = new java.util.ArrayList<>(repeat("CrossAttnDownBlock2D", n - 1));
    down.add("DownBlock2D");
    List<String> up = new java.util.ArrayList<>(List.of("UpBlock2D"));
    up.addAll(repeat("CrossAttnUpBlock2D", n - 1));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class_name", "UNet2DConditionModel");
    m.put("_diffusers_version", DIFFUSERS_VERSION);
    m.put("act_fn", "silu");
    m.put("attention_head_dim", unetHeads);
    m.put("block_out_channels", unetChannels);
    m.put("center_input_sample", false);
    m.put("cross_attention_dim", textHidden);
    m.put("down_block_types", down);
    m.put("downsample_padding", 1);
    m.put("flip_sin_to_cos", true);
    m.put("freq_shift", 0);
    m.put("in_channels", 4);
    m.put("layers_per_block", 1);
    m.put("mid_block_scale_factor", 1);
    m.put("mid_block_type", "UNetMidBlock2DCrossAttn");
    m.put("norm_eps", 1e-5);
    m.put("norm_num_groups", unetGroups);
    m.put("out_channels", 4);
    m.put("sample_size", latentSize());
    m.put("up_block_types", up);
    m.put("use_linear_projection", false);
    return m;
  }

  /** The text encoder's {@code config.json} content, for a vocabulary of this size (eos is its last id). */
  public Map<String, Object> textEncoderJson(int vocabularySize) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architectures", List.of("CLIPTextModel"));
    m.put("attention_dropout", 0.0);
    m.put("bos_token_id", vocabularySize - 2);
    m.put("dropout", 0.0);
    m.put("eos_token_id", vocabularySize - 1);
    m.put("hidden_act", "quick_gelu");
    m.put("hidden_size", textHidden);
    m.put("initializer_factor", 1.0);
    m.put("initializer_range", 0.02);
    m.put("intermediate_size", textIntermediate);
    m.put("layer_norm_eps", 1e-5);
    m.put("max_position_embeddings", maxTokens);
    m.put("model_type", "clip_text_model");
    m.put("num_attention_heads", textHeads);
    m.put("num_hidden_layers", textLayers);
    m.put("pad_token_id", vocabularySize - 1);
    m.put("projection_dim", textHidden);
    m.put("torch_dtype", "float32");
    m.put("vocab_size", vocabularySize);
    return m;
  }

  /** The scheduler's {@code scheduler_config.json} content (DDIM over the training schedule). */
  public Map<String, Object> schedulerJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class_name", "DDIMScheduler");
    m.put("_diffusers_version", DIFFUSERS_VERSION);
    m.put("beta_end", betaEnd);
    m.put("beta_schedule", "linear");
    m.put("beta_start", betaStart);
    m.put("clip_sample", false);
    m.put("num_train_timesteps", trainTimesteps);
    m.put("prediction_type", predictionType);
    m.put("set_alpha_to_one", false);
    m.put("steps_offset", 0);
    m.put("timestep_spacing", "trailing");
    return m;
  }

  public VaeConfig vaeConfig(double scalingFactor) {
    return VaeConfig.from(parse("vae", vaeJson(scalingFactor)));
  }

  public UNetConfig unetConfig() {
    return UNetConfig.from(parse("unet", unetJson()));
  }

  public ClipTextConfig textEncoderConfig(int vocabularySize) {
    return ClipTextConfig.from(parse("text_encoder", textEncoderJson(vocabularySize)));
  }

  /** The cumulative products of (1 - beta) of the training schedule, one per timestep. */
  public double[] alphasCumprod() {
    double[] out = new double[trainTimesteps];
    double prod = 1;
    for (int t = 0; t < trainTimesteps; t++) {
      double beta = betaStart + (betaEnd - betaStart) * t / (trainTimesteps - 1);
      prod *= 1 - beta;
      out[t] = prod;
    }
    return out;
  }

  static String toJson(Map<String, Object> m) {
    return GSON.toJson(m) + "\n";
  }

  private static JsonConfig parse(String name, Map<String, Object> m) {
    return JsonConfig.parse("default model " + name + " config", GSON.toJson(m));
  }

  private static List<String> repeat(String s, int n) {
    return java.util.Collections.nCopies(n, s);
  }
}
