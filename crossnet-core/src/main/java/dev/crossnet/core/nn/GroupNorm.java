package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Group normalisation over [N, C, ...] with a per-channel affine. DJL has no GroupNorm op, so the input
 * is viewed as (N, G, -1), normalised with the biased variance (as PyTorch), and reshaped back.
 */
public final class GroupNorm extends Module {

  private final int groups;
  private final long channels;
  private final float eps;
  private final NDArray weight;
  private final NDArray bias;

  public GroupNorm(ParameterSource source, String name, int groups, long channels, float eps) {
    super(name);
    if (channels % groups != 0) {
      throw new IllegalArgumentException(name + ": " + channels + " channels cannot be split into "
          + groups + " groups; fix norm_num_groups or block_out_channels in config.json");
    }
    this.groups = groups;
    this.channels = channels;
    this.eps = eps;
    this.weight = parameter(source, "weight", channels);
    this.bias = parameter(source, "bias", channels);
  }

  public NDArray forward(NDArray x) {
    Shape shape = x.getShape();
    long n = shape.get(0);
    try (Scope s = Scope.of(x)) {
      NDArray g = x.reshape(n, groups, -1);
      NDArray centred = g.sub(g.mean(new int[] {2}, true));
      NDArray var = centred.square().mean(new int[] {2}, true);
      NDArray normed = centred.mul(var.add(eps).sqrt().pow(-1)).reshape(shape);
      long[] affine = new long[shape.dimension()];
      java.util.Arrays.fill(affine, 1);
      affine[1] = channels;
      Shape a = new Shape(affine);
      // A reshape of a parameter is registered with the parameter's manager: move it into the scope.
      NDArray w = weight.reshape(a);
      NDArray b = bias.reshape(a);
      s.manager().attachAll(w, b);
      return s.keep(normed.mul(w).add(b));
    }
  }
}
