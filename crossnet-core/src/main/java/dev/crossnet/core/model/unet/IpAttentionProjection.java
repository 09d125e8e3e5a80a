package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.KeyValues;
import dev.crossnet.core.nn.Linear;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;

/**
 * The key and value projections an IP-Adapter adds to one cross-attention layer ({@code to_k_ip},
 * {@code to_v_ip}, no bias): image-prompt tokens [B, tokens, tokenDim] to keys and values [B, tokens, inner]
 * that the layer's own queries attend to.
 */
final class IpAttentionProjection extends Module {

  private final Linear toK;
  private final Linear toV;

  /** @param name the checkpoint prefix, e.g. {@code ip_adapter.1} */
  IpAttentionProjection(ParameterSource source, String name, long tokenDim, long inner) {
    super(name);
    toK = child(new Linear(source, path("to_k_ip"), tokenDim, inner, false));
    toV = child(new Linear(source, path("to_v_ip"), tokenDim, inner, false));
  }

  KeyValues keyValues(NDArray imageTokens) {
    return new KeyValues(toK.forward(imageTokens), toV.forward(imageTokens));
  }
}
