package dev.crossnet.core.model.clip;

import dev.crossnet.core.model.JsonConfig;

/**
 * The settings of a CLIP vision transformer, read with transformers' {@code CLIPVisionConfig} defaults
 * (OpenAI's ViT-B/32). The image is cut into {@code (imageSize / patchSize)²} square patches; with the class
 * token that makes {@link #tokens()} positions.
 *
 * @param projectionDim width of {@code image_embeds}, the projection of the pooled class token
 */
public record ClipVisionConfig(int hiddenSize, int intermediateSize, int layers, int heads, int channels,
    int imageSize, int patchSize, int projectionDim, String hiddenAct, float layerNormEps) {

  /** Reads a {@code config.json}, checking every size against what real CLIP models use. */
  public static ClipVisionConfig from(JsonConfig c) {
    ClipVisionConfig config = new ClipVisionConfig(c.getInt("hidden_size", 768),
        c.getInt("intermediate_size", 3072), c.getInt("num_hidden_layers", 12),
        c.getInt("num_attention_heads", 12), c.getInt("num_channels", 3), c.getInt("image_size", 224),
        c.getInt("patch_size", 32), c.getInt("projection_dim", 512), c.getString("hidden_act", "quick_gelu"),
        c.getFloat("layer_norm_eps", 1e-5f));
    c.requireWithin("hidden_size", config.hiddenSize, 1, 8192, "OpenCLIP bigG uses 1664");
    c.requireWithin("intermediate_size", config.intermediateSize, 1, 32768, "OpenCLIP bigG uses 8192");
    c.requireWithin("num_hidden_layers", config.layers, 1, 256, "OpenCLIP bigG uses 48");
    c.requireWithin("num_attention_heads", config.heads, 1, 256, "OpenCLIP bigG uses 16");
    c.requireWithin("num_channels", config.channels, 1, 4, "CLIP reads RGB, 3");
    c.requireWithin("image_size", config.imageSize, 1, 4096, "CLIP uses 224 or 336");
    c.requireWithin("patch_size", config.patchSize, 1, 1024, "CLIP uses 14, 16 or 32");
    c.requireWithin("projection_dim", config.projectionDim, 1, 8192, "OpenCLIP bigG uses 1280");
    if (config.hiddenSize % config.heads != 0) {
      throw new IllegalArgumentException(c.source() + ": hidden_size " + config.hiddenSize
          + " is not divisible by num_attention_heads " + config.heads);
    }
    if (config.imageSize % config.patchSize != 0) {
      throw new IllegalArgumentException(c.source() + ": image_size " + config.imageSize
          + " is not a multiple of patch_size " + config.patchSize + "; the patches must tile the image");
    }
    return config;
  }

  /** Patches per image side. */
  public int grid() {
    return imageSize / patchSize;
  }

  /** Sequence length: the class token plus one token per patch. */
  public int tokens() {
    return grid() * grid() + 1;
  }
}
