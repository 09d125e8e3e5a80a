package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/** diffusers' {@code TimestepEmbedding}: linear_1, SiLU, linear_2. */
public final class TimestepEmbedding extends Module {

  private final Linear linear1;
  private final Linear linear2;

  public TimestepEmbedding(ParameterSource source, String name, long in, long dim) {
    super(name);
    this.linear1 = child(new Linear(source, path("linear_1"), in, dim, true));
    this.linear2 = child(new Linear(source, path("linear_2"), dim, dim, true));
  }

  public NDArray forward(NDArray features) {
    try (Scope s = Scope.of(features)) {
      return s.keep(linear2.forward(Activations.silu(linear1.forward(features))));
    }
  }
}
