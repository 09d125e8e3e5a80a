package dev.crossnet.core.defaultmodel;

import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.model.clip.ClipImageProcessor;
import dev.crossnet.core.model.clip.ClipVisionConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes of the default model's image adapter: a small CLIP vision transformer (transformers'
 * {@code CLIPVisionModelWithProjection} layout, in the model's {@code image_encoder/} folder) that reads a
 * subject's crop ({@link dev.crossnet.core.image.SubjectCrop}) at {@code imageSize} pixels, and a plain
 * IP-Adapter projecting its embedding to {@code tokens} image-prompt tokens.
 *
 * @param imageSize side of the square picture the encoder reads
 * @param patchSize side of one patch
 * @param hidden width of the encoder's transformer
 * @param layers transformer layers
 * @param heads attention heads
 * @param projection width of the image embedding
 * @param tokens image-prompt tokens per picture
 */
public record ImageAdapterConfig(int imageSize, int patchSize, int hidden, int layers, int heads, int projection,
    int tokens) {

  public ImageAdapterConfig {
    if (imageSize % patchSize != 0 || hidden % heads != 0 || tokens < 1 || layers < 1) {
      throw new IllegalArgumentException("image adapter sizes do not fit: image " + imageSize + ", patch "
          + patchSize + ", width " + hidden + ", heads " + heads + ", layers " + layers + ", tokens " + tokens);
    }
  }

  /** The embedded default model's: 32x32 crops in 4x4 patches, 4 layers of 128, 4 tokens. */
  public static ImageAdapterConfig standard() {
    return new ImageAdapterConfig(32, 4, 128, 4, 4, 128, 4);
  }

  /** A very small variant for tests. */
  public static ImageAdapterConfig tiny() {
    return new ImageAdapterConfig(8, 4, 8, 1, 2, 8, 2);
  }

  /** The encoder's {@code config.json} content. */
  public Map<String, Object> encoderJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architectures", List.of("CLIPVisionModelWithProjection"));
    m.put("attention_dropout", 0.0);
    m.put("dropout", 0.0);
    m.put("hidden_act", "quick_gelu");
    m.put("hidden_size", hidden);
    m.put("image_size", imageSize);
    m.put("initializer_factor", 1.0);
    m.put("initializer_range", 0.02);
    m.put("intermediate_size", 4 * hidden);
    m.put("layer_norm_eps", 1e-5);
    m.put("model_type", "clip_vision_model");
    m.put("num_attention_heads", heads);
    m.put("num_channels", 3);
    m.put("num_hidden_layers", layers);
    m.put("patch_size", patchSize);
    m.put("projection_dim", projection);
    m.put("torch_dtype", "float32");
    return m;
  }

  /**
   * The encoder's {@code preprocessor_config.json} content: bilinear resize of the crop to {@code imageSize},
   * values scaled to [-1, 1].
   */
  public Map<String, Object> processorJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("crop_size", Map.of("height", imageSize, "width", imageSize));
    m.put("do_center_crop", true);
    m.put("do_normalize", true);
    m.put("do_rescale", true);
    m.put("do_resize", true);
    m.put("image_mean", List.of(0.5, 0.5, 0.5));
    m.put("image_processor_type", "CLIPImageProcessor");
    m.put("image_std", List.of(0.5, 0.5, 0.5));
    m.put("resample", 2);
    m.put("rescale_factor", 1.0 / 255);
    m.put("size", Map.of("shortest_edge", imageSize));
    return m;
  }

  /** {@link #encoderJson()} as the file's text. */
  public String encoderConfigText() {
    return DefaultModelConfig.toJson(encoderJson());
  }

  /** {@link #processorJson()} as the file's text. */
  public String processorConfigText() {
    return DefaultModelConfig.toJson(processorJson());
  }

  public ClipVisionConfig encoderConfig() {
    return ClipVisionConfig.from(JsonConfig.parse("default image encoder config",
        DefaultModelConfig.toJson(encoderJson())));
  }

  public ClipImageProcessor processor() {
    return ClipImageProcessor.from(JsonConfig.parse("default image processor config",
        DefaultModelConfig.toJson(processorJson())));
  }
}
