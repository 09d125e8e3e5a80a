package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.model.ModelFolder;
import dev.crossnet.core.model.WeightsOpener;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Embedding;
import dev.crossnet.core.nn.LayerNorm;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.weights.TensorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * transformers' {@code CLIPTextModel}: token plus position embeddings, causal pre-norm transformer layers,
 * final layer norm. Parameter names start with {@code text_model.} as in the checkpoints.
 *
 * <pre>{@code
 * ClipTextModel clip = ClipTextModel.load(Path.of("sd15/text_encoder"), manager);
 * NDArray text = clip.forward(ids).lastHiddenState(); // ids [B, 77] int64
 * }</pre>
 */
public final class ClipTextModel extends Module {

  private static final String PREFIX = "text_model";

  private final ClipTextConfig config;
  private final Embedding tokenEmbedding;
  private final Embedding positionEmbedding;
  private final List<ClipEncoderLayer> layers = new ArrayList<>();
  private final LayerNorm finalNorm;

  public ClipTextModel(ClipTextConfig c, ParameterSource source) {
    super(PREFIX);
    this.config = c;
    tokenEmbedding = child(new Embedding(source, path("embeddings.token_embedding"), c.vocabSize(),
        c.hiddenSize()));
    positionEmbedding = child(new Embedding(source, path("embeddings.position_embedding"), c.maxPositions(),
        c.hiddenSize()));
    for (int i = 0; i < c.layers(); i++) {
      layers.add(child(new ClipEncoderLayer(source, path("encoder.layers." + i), c)));
    }
    finalNorm = child(new LayerNorm(source, path("final_layer_norm"), c.hiddenSize(), c.layerNormEps()));
  }

  /**
   * Builds the model from a checkpoint, reporting every missing, mis-shaped and unused tensor.
   * {@code text_model.embeddings.position_ids} (a buffer some checkpoints store) is accepted and ignored.
   */
  public static ClipTextModel create(ClipTextConfig config, TensorStore store, NDManager manager) {
    return ModelFolder.bind(store, manager, source -> new ClipTextModel(config, source),
        PREFIX + ".embeddings.position_ids");
  }

  /** Loads a transformers {@code text_encoder} folder. */
  public static ClipTextModel load(Path folder, NDManager manager) {
    return load(folder, WeightsOpener.IN_MEMORY, manager);
  }

  /**
   * As {@link #load(Path, NDManager)}, reading the weights file with the given opener: a memory-mapped
   * safetensors store lifts the in-memory reader's 2 GiB limit (SD 1.5's float32 UNet is 3.4 GB).
   */
  public static ClipTextModel load(Path folder, WeightsOpener opener, NDManager manager) {
    return new ModelFolder(folder).load(ClipTextConfig::from, ClipTextModel::create, opener, manager);
  }

  public ClipTextConfig config() {
    return config;
  }

  /** The frozen token-embedding table [vocab, hidden] (e.g. to initialise a placeholder's row). */
  public NDArray tokenEmbeddings() {
    return tokenEmbedding.weight();
  }

  public ClipTextOutput forward(NDArray ids) {
    return forward(ids, TokenEmbeddingOverrides.NONE, AttentionHook.NONE);
  }

  public ClipTextOutput forward(NDArray ids, TokenEmbeddingOverrides overrides) {
    return forward(ids, overrides, AttentionHook.NONE);
  }

  /**
   * Encodes token ids [B, T] (T at most max_position_embeddings). Outputs live in the ids' manager. A row
   * without an end-of-text token pools at its last position.
   *
   * @param overrides replacement embedding rows for some token ids (gradients flow into them)
   * @param hook sees the self-attention of every layer ({@code text_model.encoder.layers.N.self_attn})
   */
  public ClipTextOutput forward(NDArray ids, TokenEmbeddingOverrides overrides, AttentionHook hook) {
    AttentionHook.requireHook(hook);
    long batch = ids.getShape().get(0);
    long tokens = ids.getShape().get(1);
    if (tokens > config.maxPositions()) {
      throw new IllegalArgumentException(tokens + " tokens exceed max_position_embeddings "
          + config.maxPositions() + "; truncate the prompt");
    }
    NDArray[] inputs = new NDArray[1 + overrides.rows().size()];
    inputs[0] = ids;
    int i = 1;
    for (NDArray row : overrides.rows().values()) {
      inputs[i++] = row;
    }
    try (Scope s = Scope.of(inputs)) {
      NDManager m = s.manager();
      NDArray x = embed(ids, overrides);
      NDArray positions = m.arange(0, (int) tokens, 1, DataType.INT64);
      x = x.add(positionEmbedding.forward(positions));
      NDArray mask = causalMask(m, tokens);
      for (ClipEncoderLayer layer : layers) {
        x = layer.forward(x, mask, hook);
      }
      NDArray last = finalNorm.forward(x);
      long[] eos = poolPositions(ids, batch, tokens);
      NDList rows = new NDList();
      for (int b = 0; b < batch; b++) {
        rows.add(last.get(new NDIndex("{}, {}", b, eos[b])));
      }
      NDArray pooled = NDArrays.stack(rows, 0);
      return new ClipTextOutput(s.keep(last), s.keep(pooled));
    }
  }

  private NDArray embed(NDArray ids, TokenEmbeddingOverrides overrides) {
    NDArray x = tokenEmbedding.forward(tableIds(ids, overrides));
    for (Map.Entry<Long, NDArray> e : overrides.rows().entrySet()) {
      NDArray where = ids.eq(e.getKey()).toType(DataType.FLOAT32, false).expandDims(-1);
      // x + where * (row - x): the row replaces x at those tokens and receives their gradient.
      x = x.add(where.mul(e.getValue().reshape(1, 1, -1).sub(x)));
    }
    return x;
  }

  /**
   * The ids to look up in the frozen table: a placeholder added to the tokenizer gets an id past the table's
   * end, so its (overridden) positions look up row 0 instead; any other id past the end is an error.
   */
  private NDArray tableIds(NDArray ids, TokenEmbeddingOverrides overrides) {
    long rows = config.vocabSize();
    if (overrides.isEmpty() || overrides.rows().keySet().stream().allMatch(id -> id < rows)) {
      return ids;
    }
    NDArray outside = ids.gte(rows);
    for (Long id : overrides.rows().keySet()) {
      outside = outside.logicalAnd(ids.neq(id));
    }
    if (outside.any().getBoolean()) {
      throw new IllegalArgumentException("token ids past the embedding table (" + rows + " rows) have no "
          + "override row; give every added placeholder a TokenEmbeddingOverrides row");
    }
    return ids.lt(rows).toType(ids.getDataType(), false).mul(ids);
  }

  private static NDArray causalMask(NDManager m, long tokens) {
    float[] mask = new float[(int) (tokens * tokens)];
    for (int q = 0; q < tokens; q++) {
      Arrays.fill(mask, (int) (q * tokens + q + 1), (int) ((q + 1) * tokens), Float.NEGATIVE_INFINITY);
    }
    return m.create(mask, new Shape(1, 1, tokens, tokens));
  }

  private long[] poolPositions(NDArray ids, long batch, long tokens) {
    long[] all = ids.toType(DataType.INT64, false).toLongArray();
    long[] out = new long[(int) batch];
    for (int b = 0; b < batch; b++) {
      long best = -1;
      long bestId = Long.MIN_VALUE;
      for (int t = 0; t < tokens; t++) {
        long id = all[(int) (b * tokens + t)];
        if (config.poolsAtEosId() ? id == config.eosTokenId() && best < 0 : id > bestId) {
          best = t;
          bestId = id;
        }
      }
      out[b] = best < 0 ? tokens - 1 : best;
    }
    return out;
  }
}
