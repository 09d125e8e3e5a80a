package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.LayerNorm;
import dev.crossnet.core.nn.Linear;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;

/**
 * diffusers' {@code ImageProjection} of a plain IP-Adapter: turns an image embedding [B, embedDim] into
 * {@code tokens} image-prompt tokens [B, tokens, tokenDim] by one linear layer, a reshape and a layer norm
 * (eps 1e-5). Parameters: {@code <name>.proj.weight} [tokens x tokenDim, embedDim], {@code proj.bias},
 * {@code norm.weight}, {@code norm.bias} [tokenDim].
 */
public final class ImageProjection extends Module implements ImagePromptProjection {

  private static final float EPS = 1e-5f;

  private final int embedDim;
  private final int tokens;
  private final int tokenDim;
  private final Linear proj;
  private final LayerNorm norm;

  ImageProjection(ParameterSource source, String name, int embedDim, int tokens, int tokenDim) {
    super(name);
    this.embedDim = embedDim;
    this.tokens = tokens;
    this.tokenDim = tokenDim;
    proj = child(new Linear(source, path("proj"), embedDim, (long) tokens * tokenDim, true));
    norm = child(new LayerNorm(source, path("norm"), tokenDim, EPS));
  }

  @Override
  public int embedDim() {
    return embedDim;
  }

  @Override
  public int tokens() {
    return tokens;
  }

  @Override
  public int tokenDim() {
    return tokenDim;
  }

  @Override
  public boolean readsPatchFeatures() {
    return false;
  }

  /** The image-prompt tokens [B, tokens, tokenDim] of image embeddings [B, embedDim]. */
  @Override
  public NDArray forward(NDArray imageEmbeds) {
    if (imageEmbeds.getShape().dimension() != 2 || imageEmbeds.getShape().get(1) != embedDim) {
      throw new IllegalArgumentException("image embeddings must be [batch, " + embedDim + "] for " + name()
          + ", got " + imageEmbeds.getShape() + "; pass the image encoder's projected image_embeds");
    }
    try (Scope s = Scope.of(imageEmbeds)) {
      long b = imageEmbeds.getShape().get(0);
      return s.keep(norm.forward(proj.forward(imageEmbeds).reshape(b, tokens, tokenDim)));
    }
  }
}
