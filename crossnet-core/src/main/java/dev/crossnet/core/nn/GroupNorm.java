package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;

/**
 * Group normalisation over [N, C, ...] with a per-channel affine. DJL has no GroupNorm op, so the input
 * is viewed as (1, N x G, -1) and batch-normalised (biased variance, as PyTorch), then reshaped back.
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
    long rows = shape.get(0) * groups;
    try (Scope s = Scope.of(x)) {
      NDManager m = s.manager();
      // Batch norm in training mode over (1, N*G, rest) computes per-(sample, group) statistics with the
      // biased variance: exactly group norm's, in one fused native op instead of a chain of reductions.
      // Its running statistics are scratch arrays that are updated and dropped.
      PtNDArray normed = JniUtils.batchNorm((PtNDArray) x.reshape(1, rows, -1),
          (PtNDArray) m.zeros(new Shape(rows)), (PtNDArray) m.ones(new Shape(rows)),
          (PtNDArray) m.ones(new Shape(rows)), (PtNDArray) m.zeros(new Shape(rows)), true, 0.0, eps);
      long[] affine = new long[shape.dimension()];
      Arrays.fill(affine, 1);
      affine[1] = channels;
      Shape a = new Shape(affine);
      // A reshape of a parameter is registered with the parameter's manager: move it into the scope.
      NDArray w = weight.reshape(a);
      NDArray b = bias.reshape(a);
      m.attachAll(w, b);
      return s.keep(normed.reshape(shape).mul(w).add(b));
    }
  }
}
