package dev.crossnet.core.model.clip;

import dev.crossnet.core.model.JsonConfig;

/**
 * The settings of a CLIP text transformer, read with transformers' {@code CLIPTextConfig} defaults.
 *
 * @param eosTokenId the end-of-text id whose first occurrence gives the pooled output; transformers' legacy
 *     value 2 means "not configured", in which case the largest id of each row is taken (the eos of
 *     OpenAI's vocabulary is its largest id)
 */
public record ClipTextConfig(int vocabSize, int hiddenSize, int intermediateSize, int layers, int heads,
    int maxPositions, String hiddenAct, float layerNormEps, int eosTokenId) {

  /** transformers' default eos id, which old configs left unset. */
  public static final int LEGACY_EOS = 2;

  public static ClipTextConfig from(JsonConfig c) {
    ClipTextConfig config = new ClipTextConfig(c.getInt("vocab_size", 49408), c.getInt("hidden_size", 512),
        c.getInt("intermediate_size", 2048), c.getInt("num_hidden_layers", 12),
        c.getInt("num_attention_heads", 8), c.getInt("max_position_embeddings", 77),
        c.getString("hidden_act", "quick_gelu"), c.getFloat("layer_norm_eps", 1e-5f),
        c.getInt("eos_token_id", LEGACY_EOS));
    c.requireWithin("vocab_size", config.vocabSize, 1, 1_000_000, "CLIP uses 49408");
    c.requireWithin("hidden_size", config.hiddenSize, 1, 8192, "OpenCLIP bigG uses 1280");
    c.requireWithin("intermediate_size", config.intermediateSize, 1, 32768, "OpenCLIP bigG uses 5120");
    c.requireWithin("num_hidden_layers", config.layers, 1, 256, "OpenCLIP bigG uses 32");
    c.requireWithin("num_attention_heads", config.heads, 1, 256, "OpenCLIP bigG uses 20");
    c.requireWithin("max_position_embeddings", config.maxPositions, 1, 65536, "CLIP uses 77");
    if (config.hiddenSize % config.heads != 0) {
      throw new IllegalArgumentException(c.source() + ": hidden_size " + config.hiddenSize
          + " is not divisible by num_attention_heads " + config.heads);
    }
    return config;
  }

  /** Whether the pooled token is found by the eos id (true) or by the largest id (legacy configs). */
  public boolean poolsAtEosId() {
    return eosTokenId != LEGACY_EOS;
  }
}
