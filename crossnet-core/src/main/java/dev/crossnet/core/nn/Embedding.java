package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.SparseFormat;

/** A lookup table, weight [count, dim]; input ids of any shape give [..., dim]. */
public final class Embedding extends Module {

  private final NDArray weight;

  public Embedding(ParameterSource source, String name, long count, long dim) {
    super(name);
    this.weight = parameter(source, "weight", count, dim);
  }

  public NDArray forward(NDArray ids) {
    return ai.djl.nn.core.Embedding.embedding(ids, weight, SparseFormat.DENSE).singletonOrThrow();
  }

  /** The table itself (rows are tokens or positions). */
  public NDArray weight() {
    return weight;
  }
}
