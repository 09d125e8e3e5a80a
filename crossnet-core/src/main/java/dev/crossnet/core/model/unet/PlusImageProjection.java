package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.Activations;
import dev.crossnet.core.nn.AttentionCall;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.LayerNorm;
import dev.crossnet.core.nn.Linear;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.ScaledDotProductAttention;
import dev.crossnet.core.nn.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * IP-Adapter Plus's image projection, the resampler: a fixed set of learned queries ({@code latents}) reads the
 * image encoder's patch features (its last layer but one) through a few perceiver blocks, each a layer-normed
 * attention of the queries over the features and themselves followed by a feed-forward, both residual; the queries
 * then become the image-prompt tokens through {@code proj_out} and {@code norm_out} (eps 1e-5 everywhere).
 * Parameters in the published layout under {@code <name>.}: {@code latents} [1, queries, width],
 * {@code proj_in}, {@code proj_out}, {@code norm_out}, and per block {@code layers.<i>.0.norm1} (features),
 * {@code .0.norm2} (queries), {@code .0.to_q}, {@code .0.to_kv} (keys then values), {@code .0.to_out} (all without
 * bias), {@code layers.<i>.1.0} (layer norm), {@code .1.1} and {@code .1.3} (the feed-forward's two bias-free
 * linears, exact GELU between).
 */
public final class PlusImageProjection extends Module implements ImagePromptProjection {

  private static final float EPS = 1e-5f;

  private final int embedDim;
  private final int queries;
  private final int tokenDim;
  private final NDArray latents;
  private final Linear projIn;
  private final Linear projOut;
  private final LayerNorm normOut;
  private final List<Block> blocks = new ArrayList<>();

  /**
   * @param embedDim width of the encoder's patch features
   * @param width the queries' width inside the resampler
   * @param queries image-prompt tokens per image
   * @param tokenDim width of a token (the UNet's cross-attention width)
   * @param depth perceiver blocks
   * @param heads attention heads of each block
   * @param headDim width of a head (64 in the published adapters)
   */
  PlusImageProjection(ParameterSource source, String name, int embedDim, int width, int queries, int tokenDim,
      int depth, int heads, int headDim) {
    super(name);
    this.embedDim = embedDim;
    this.queries = queries;
    this.tokenDim = tokenDim;
    latents = parameter(source, "latents", 1, queries, width);
    projIn = child(new Linear(source, path("proj_in"), embedDim, width, true));
    projOut = child(new Linear(source, path("proj_out"), width, tokenDim, true));
    normOut = child(new LayerNorm(source, path("norm_out"), tokenDim, EPS));
    for (int i = 0; i < depth; i++) {
      blocks.add(child(new Block(source, path("layers." + i), width, heads, headDim)));
    }
  }

  @Override
  public int tokens() {
    return queries;
  }

  @Override
  public int tokenDim() {
    return tokenDim;
  }

  @Override
  public int embedDim() {
    return embedDim;
  }

  /** Perceiver blocks. */
  public int depth() {
    return blocks.size();
  }

  @Override
  public boolean readsPatchFeatures() {
    return true;
  }

  /** The image-prompt tokens [B, queries, tokenDim] of patch features [B, patches, embedDim]. */
  @Override
  public NDArray forward(NDArray features) {
    if (features.getShape().dimension() != 3 || features.getShape().get(2) != embedDim) {
      throw new IllegalArgumentException("patch features must be [batch, patches, " + embedDim + "] for " + name()
          + ", got " + features.getShape() + "; pass the image encoder's penultimate hidden state");
    }
    try (Scope s = Scope.of(features)) {
      s.borrow(latents);
      long b = features.getShape().get(0);
      NDArray x = projIn.forward(features);
      NDArray q = latents.repeat(0, b);
      for (Block block : blocks) {
        q = block.forward(x, q);
      }
      return s.keep(normOut.forward(projOut.forward(q)));
    }
  }

  /** One perceiver block: attention of the queries over the features and themselves, then a feed-forward. */
  private static final class Block extends Module {

    private final int heads;
    private final int headDim;
    private final LayerNorm featureNorm;
    private final LayerNorm queryNorm;
    private final Linear toQ;
    private final Linear toKv;
    private final Linear toOut;
    private final LayerNorm ffNorm;
    private final Linear ffIn;
    private final Linear ffOut;
    private final ScaledDotProductAttention sdpa =
        new ScaledDotProductAttention(ScaledDotProductAttention.DEFAULT_BUDGET);

    Block(ParameterSource source, String name, int width, int heads, int headDim) {
      super(name);
      this.heads = heads;
      this.headDim = headDim;
      long inner = (long) heads * headDim;
      featureNorm = child(new LayerNorm(source, path("0.norm1"), width, EPS));
      queryNorm = child(new LayerNorm(source, path("0.norm2"), width, EPS));
      toQ = child(new Linear(source, path("0.to_q"), width, inner, false));
      toKv = child(new Linear(source, path("0.to_kv"), width, 2 * inner, false));
      toOut = child(new Linear(source, path("0.to_out"), inner, width, false));
      ffNorm = child(new LayerNorm(source, path("1.0"), width, EPS));
      ffIn = child(new Linear(source, path("1.1"), width, 4L * width, false));
      ffOut = child(new Linear(source, path("1.3"), 4L * width, width, false));
    }

    NDArray forward(NDArray features, NDArray queries) {
      long b = queries.getShape().get(0);
      long l = queries.getShape().get(1);
      NDArray x = featureNorm.forward(features);
      NDArray latent = queryNorm.forward(queries);
      NDArray q = heads(toQ.forward(latent), b);
      NDArray kv = toKv.forward(x.concat(latent, 1));
      long inner = (long) heads * headDim;
      NDArray k = heads(kv.get(":, :, :" + inner), b);
      NDArray v = heads(kv.get(":, :, " + inner + ":"), b);
      AttentionCall call = new AttentionCall(name(), true, heads, headDim, l, 0, 0);
      NDArray attended = sdpa.attend(q, k, v, null, call, AttentionHook.NONE).transpose(0, 2, 1, 3)
          .reshape(b, l, inner);
      NDArray h = toOut.forward(attended).add(queries);
      return ffOut.forward(Activations.gelu(ffIn.forward(ffNorm.forward(h)))).add(h);
    }

    /** [B, L, heads x headDim] as [B, heads, L, headDim]. */
    private NDArray heads(NDArray t, long b) {
      return t.reshape(b, -1, heads, headDim).transpose(0, 2, 1, 3);
    }
  }
}
