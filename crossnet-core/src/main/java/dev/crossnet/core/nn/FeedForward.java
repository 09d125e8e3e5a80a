package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The transformer block's feed-forward of diffusers ({@code ff.net.0.proj}, {@code ff.net.2}): GEGLU
 * projects to twice the inner width and gates one half with the GELU of the other.
 */
public final class FeedForward extends Module {

  private final Linear proj;
  private final Linear out;
  private final boolean geglu;

  /** GEGLU (diffusers' default) when geglu is true, else plain GELU. */
  public FeedForward(ParameterSource source, String name, long dim, long inner, boolean geglu) {
    super(name);
    this.geglu = geglu;
    this.proj = child(new Linear(source, path("net.0.proj"), dim, geglu ? inner * 2 : inner, true));
    this.out = child(new Linear(source, path("net.2"), inner, dim, true));
  }

  public NDArray forward(NDArray x) {
    try (Scope s = Scope.of(x)) {
      NDArray h = proj.forward(x);
      if (geglu) {
        NDList halves = h.split(2, h.getShape().dimension() - 1);
        h = halves.get(0).mul(Activations.gelu(halves.get(1)));
      } else {
        h = Activations.gelu(h);
      }
      return s.keep(out.forward(h));
    }
  }
}
