package dev.crossnet.losses.count;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.TrainingLoss;
import java.util.Set;

/**
 * Makes a subject token's cross-attention show the requested number of separate instances.
 *
 * <p><b>Input.</b> {@code TOKEN_ATTENTION_MAPS}: one entry per attention layer, each the subject token's map
 * as [B, H*W] (square grid), [B, H, W] or [B, K, H, W] (K tokens of one subject, summed). Layers may have
 * different resolutions: each is scored on its own grid and the scores are averaged. {@code
 * REQUESTED_COUNT}: [B].
 *
 * <p><b>Mass.</b> Per sample the map A is scaled to its maximum (detached) and the background floor is cut
 * off: {@code a = relu(A / max A - floor)}. Attention is never exactly zero off the subject, and a uniform
 * background would otherwise count as many faint instances.
 *
 * <p><b>Gram matrix.</b> Give every grid cell p the feature {@code phi_p = sqrt(a_p) k(p, .)}, with k a
 * Gaussian of width s (an instance's scale). The spatial Gram matrix of these features is
 *
 * <pre>
 *   G_pq = sqrt(a_p a_q) exp(-|p - q|^2 / s^2).
 * </pre>
 *
 * Instances farther apart than a few s make G block-diagonal, one block per instance, and a block whose
 * instance is compact (size below s) is close to rank one; so k separated instances give k dominant
 * eigen-components, the components a spectral clustering would find. Their number is measured by the
 * effective rank (participation ratio of the eigenvalues),
 *
 * <pre>
 *   n(A) = (sum_i lambda_i)^2 / sum_i lambda_i^2 = (tr G)^2 / |G|_F^2
 *        = (sum_p a_p)^2 / sum_{p,q} a_p a_q exp(-2 |p - q|^2 / s^2),
 * </pre>
 *
 * computed without an eigen-decomposition, and separably: the Gaussian factorises over rows and columns,
 * so the double sum is {@code sum(a * (Ky a Kx))} with H x H and W x W kernels, O(H W (H + W)). For k
 * separated instances of equal mass n = k exactly in the compact limit; an instance of lower mass counts
 * fractionally (n = (sum m)^2 / sum m^2), overlapping instances merge, and a spread-out instance counts a
 * little more than one (1 + 4 sigma^2 / s^2 for a Gaussian of width sigma).
 *
 * <p><b>Loss.</b> With c the requested count, per sample and layer
 *
 * <pre>
 *   L = (n(A) - c)^2,
 * </pre>
 *
 * averaged over samples and layers: one instance too many costs as much as one too few, whatever c is (the
 * bias of spread-out instances, a few percent per instance at the defaults, stays well below the half
 * instance that separates c from c + 1 for c up to 4). Its gradient moves attention mass between regions:
 * it splits or spreads attention when there are too few instances and concentrates it when there are too
 * many.
 */
public final class GramCountLoss implements TrainingLoss {

  private final double kernelWidth;
  private final double floor;

  /**
   * @param kernelWidth the instance scale s as a fraction of the map side, in (0, 1]
   * @param floor share of each map's maximum treated as background, in [0, 1)
   */
  public GramCountLoss(double kernelWidth, double floor) {
    if (!(kernelWidth > 0 && kernelWidth <= 1)) {
      throw new IllegalArgumentException("gram-count: kernel-width must lie in (0, 1] (a fraction of the map "
          + "side), got " + kernelWidth);
    }
    if (!(floor >= 0 && floor < 1)) {
      throw new IllegalArgumentException("gram-count: floor must lie in [0, 1), got " + floor);
    }
    this.kernelWidth = kernelWidth;
    this.floor = floor;
  }

  @Override
  public Set<LossInput<?>> requires() {
    return Set.of(LossInput.TOKEN_ATTENTION_MAPS, LossInput.REQUESTED_COUNT);
  }

  @Override
  public NDArray compute(LossContext context) {
    NDList maps = context.get(LossInput.TOKEN_ATTENTION_MAPS);
    if (maps.isEmpty()) {
      throw new IllegalArgumentException("gram-count: no attention maps were supplied; record the subject "
          + "token's cross-attention (e.g. with an AttentionMapRecorder) and pass one map per layer");
    }
    NDArray counts = context.get(LossInput.REQUESTED_COUNT).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    if (counts.lt(1f).any().getBoolean()) {
      throw new IllegalArgumentException("gram-count: requested counts must be >= 1, got "
          + java.util.Arrays.toString(counts.toFloatArray()));
    }
        NDArray total = null;
    for (NDArray map : maps) {
      NDArray grid = grid(map);
      if (grid.getShape().get(0) != counts.getShape().get(0)) {
        throw new IllegalArgumentException("gram-count: maps have batch " + grid.getShape().get(0)
            + " but " + counts.getShape().get(0) + " requested counts were given");
      }
      NDArray layerLoss = effectiveCount(grid).sub(counts).square().mean();
      total = total == null ? layerLoss : total.add(layerLoss);
    }
    return total.div(scalar(total, maps.size()));
  }

  /**
   * The soft instance count n(A) of maps [B, H, W], per sample [B]; public so that steering code can log
   * it.
   */
  public NDArray effectiveCount(NDArray grid) {
    long h = grid.getShape().get(1);
    long w = grid.getShape().get(2);
    long b = grid.getShape().get(0);
    NDArray peak = grid.reshape(b, h * w).max(new int[] {1}, true).reshape(b, 1, 1).stopGradient()
        .maximum(1e-12f);
    NDArray a = grid.div(peak).sub(scalar(grid, floor)).maximum(scalar(grid, 0));
    NDManager m = grid.getManager();
    double side = Math.max(h, w);
    NDArray ky = kernel(m, h, side);
    NDArray kx = kernel(m, w, side);
    NDArray smoothed = ky.matMul(a).matMul(kx);
    NDArray mass = a.sum(new int[] {1, 2});
    NDArray overlap = a.mul(smoothed).sum(new int[] {1, 2});
    return mass.square().div(overlap.maximum(scalar(overlap, 1e-12)));
  }

  /**
   * A libtorch-owned scalar: DJL's {@code x.maximum(0f)} wraps the number over a Java buffer that may be
   * garbage-collected before the backward pass reads it, which turns gradients into garbage.
   */
  private static NDArray scalar(NDArray like, double value) {
    return like.getManager().full(new Shape(), (float) value, like.getDataType());
  }

  /** The factor exp(-2 d^2 / s^2) of |G|_F^2 along one axis, n x n, with s in cells. */
  private NDArray kernel(NDManager m, long n, double side) {
    double s = kernelWidth * side;
    float[] k = new float[(int) (n * n)];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = i - j;
        k[(int) (i * n + j)] = (float) Math.exp(-2 * d * d / (s * s));
      }
    }
    // matMul keeps the kernel for the backward pass: copy it into libtorch-owned memory (see scalar())
    try (NDArray wrapped = m.create(k, new Shape(n, n))) {
      return wrapped.duplicate();
    }
  }

  private static NDArray grid(NDArray map) {
    Shape s = map.getShape();
    switch (s.dimension()) {
      case 2: {
        long side = Math.round(Math.sqrt(s.get(1)));
        if (side * side != s.get(1)) {
          throw new IllegalArgumentException("gram-count: a flat map [B, H*W] must be square, got " + s
              + "; pass [B, H, W] for non-square grids");
        }
        return map.reshape(s.get(0), side, side);
      }
      case 3:
        return map;
      case 4:
        return map.sum(new int[] {1});
      default:
        throw new IllegalArgumentException("gram-count: a map must be [B, H*W], [B, H, W] or [B, K, H, W], got "
            + s);
    }
  }
}
