package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.crossnet.core.model.ModelFolder;
import dev.crossnet.core.model.WeightsOpener;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.LayerNorm;
import dev.crossnet.core.nn.Linear;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.weights.TensorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * transformers' {@code CLIPVisionModelWithProjection}: patch and class-token embeddings, {@code pre_layrnorm}
 * (transformers' spelling), non-causal pre-norm transformer layers, {@code post_layernorm} of the class token
 * and a bias-free {@code visual_projection}. Parameter names are the checkpoint's ({@code vision_model.*},
 * {@code visual_projection.weight}), as in an IP-Adapter's {@code image_encoder} folder.
 *
 * <pre>{@code
 * ClipVisionModel clip = ClipVisionModel.load(Path.of("ip-adapter/image_encoder"), manager);
 * NDArray pixels = ClipImageProcessor.load(folder).preprocess(List.of(picture), manager);
 * NDArray embeds = clip.forward(pixels).imageEmbeds(); // [1, projection_dim]
 * }</pre>
 */
public final class ClipVisionModel extends Module {

  private static final String PREFIX = "vision_model";

  private final ClipVisionConfig config;
  private final ClipVisionEmbeddings embeddings;
  private final LayerNorm preNorm;
  private final List<ClipEncoderLayer> layers = new ArrayList<>();
  private final LayerNorm postNorm;
  private final Linear projection;

  public ClipVisionModel(ClipVisionConfig c, ParameterSource source) {
    super("");
    this.config = c;
    embeddings = child(new ClipVisionEmbeddings(source, path(PREFIX + ".embeddings"), c));
    preNorm = child(new LayerNorm(source, path(PREFIX + ".pre_layrnorm"), c.hiddenSize(), c.layerNormEps()));
    for (int i = 0; i < c.layers(); i++) {
      layers.add(child(new ClipEncoderLayer(source, path(PREFIX + ".encoder.layers." + i), c)));
    }
    postNorm = child(new LayerNorm(source, path(PREFIX + ".post_layernorm"), c.hiddenSize(), c.layerNormEps()));
    projection = child(new Linear(source, path("visual_projection"), c.hiddenSize(), c.projectionDim(), false));
  }

  /**
   * Builds the model from a checkpoint, reporting every missing, mis-shaped and unused tensor with the file's
   * name. {@code vision_model.embeddings.position_ids} (a buffer some checkpoints store) is accepted and
   * ignored.
   */
  public static ClipVisionModel create(ClipVisionConfig config, TensorStore store, NDManager manager) {
    return ModelFolder.bind(store, manager, source -> new ClipVisionModel(config, source),
        PREFIX + ".embeddings.position_ids");
  }

  /** A fresh encoder with seeded random weights (see {@link RandomParameters}), to train; weights in the manager. */
  public static ClipVisionModel initialise(ClipVisionConfig config, long seed, NDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      TensorStore random = RandomParameters.store(s -> new ClipVisionModel(config, s), seed, scratch);
      return create(config, random, manager);
    }
  }

  /** Loads a transformers {@code image_encoder} folder ({@code config.json} and {@code model.safetensors}). */
  public static ClipVisionModel load(Path folder, NDManager manager) {
    return load(folder, WeightsOpener.IN_MEMORY, manager);
  }

  /** As {@link #load(Path, NDManager)}, reading the weights file with the given opener (e.g. memory-mapped). */
  public static ClipVisionModel load(Path folder, WeightsOpener opener, NDManager manager) {
    return new ModelFolder(folder).load(ClipVisionConfig::from, ClipVisionModel::create, opener, manager);
  }

  public ClipVisionConfig config() {
    return config;
  }

  public ClipVisionOutput forward(NDArray pixels) {
    return forward(pixels, AttentionHook.NONE);
  }

  /**
   * Encodes normalised pixels [B, channels, image_size, image_size] (see {@link ClipImageProcessor}). Outputs
   * live in the pixels' manager.
   *
   * @param hook sees the self-attention of every layer ({@code vision_model.encoder.layers.N.self_attn})
   */
  public ClipVisionOutput forward(NDArray pixels, AttentionHook hook) {
    AttentionHook.requireHook(hook);
    try (Scope s = Scope.of(pixels)) {
      NDArray x = preNorm.forward(embeddings.forward(pixels));
      NDArray penultimate = x;
      for (ClipEncoderLayer layer : layers) {
        penultimate = x;
        x = layer.forward(x, null, hook);
      }
      NDArray pooled = postNorm.forward(x.get(new NDIndex(":, 0")));
      NDArray embeds = projection.forward(pooled);
      return new ClipVisionOutput(s.keep(x), s.keep(pooled), s.keep(embeds), s.keep(penultimate));
    }
  }
}
