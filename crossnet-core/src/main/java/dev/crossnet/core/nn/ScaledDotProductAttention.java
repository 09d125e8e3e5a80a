package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * softmax(Q K^T / sqrt(d) + mask) V on [B, heads, tokens, d], sliced over queries so that the score matrix
 * held at once stays under a budget (a 64x64 latent never needs a 4096 x 4096 matrix for every head).
 */
public final class ScaledDotProductAttention {

  /**
   * Score elements computed at once: 16 MiB of float32, below glibc's largest mmap threshold (32 MiB), so
   * the score blocks of successive slices reuse freed heap memory instead of faulting in fresh pages.
   */
  public static final long DEFAULT_BUDGET = 1L << 22;

  private final long budget;

  public ScaledDotProductAttention(long budget) {
    this.budget = budget;
  }

  /**
   * @param mask additive mask broadcastable to [B, heads, queries, keys], or null
   * @param hook receives the probabilities when it {@link AttentionHook#observesMaps observes} the call
   */
  public NDArray attend(NDArray q, NDArray k, NDArray v, NDArray mask, AttentionCall call,
      AttentionHook hook) {
    return run(q, false, k, v, mask, call, hook);
  }

  /** The queries [B, heads, tokens, d] times 1 / sqrt(d), for {@link #attendScaled}: scale once, attend often. */
  public NDArray scaleQuery(NDArray q) {
    return q.mul(Scalars.of(q, (float) (1.0 / Math.sqrt(q.getShape().get(3)))));
  }

  /**
   * As {@link #attend}, with queries already {@link #scaleQuery scaled}: a layer that attends the same queries to
   * several contexts scales them once.
   */
  public NDArray attendScaled(NDArray qs, NDArray k, NDArray v, NDArray mask, AttentionCall call,
      AttentionHook hook) {
    return run(qs, true, k, v, mask, call, hook);
  }

  private NDArray run(NDArray q, boolean scaled, NDArray k, NDArray v, NDArray mask, AttentionCall call,
      AttentionHook hook) {
    long b = Math.max(q.getShape().get(0), k.getShape().get(0));
    long heads = q.getShape().get(1);
    long n = q.getShape().get(2);
    long m = k.getShape().get(2);
    boolean observe = hook != AttentionHook.NONE && hook.observesMaps(call);
    long slice = Math.max(1, Math.min(n, budget / Math.max(1, b * heads * m)));
    try (Scope s = Scope.of(q, k, v, mask)) {
      NDArray kt = k.transpose(0, 1, 3, 2);
      NDArray qs = scaled ? q : scaleQuery(q);
      if (slice >= n) {
        return s.keep(scoresAndValues(qs, kt, v, mask, call, hook, observe, 0));
      }
      NDList parts = new NDList();
      for (long start = 0; start < n; start += slice) {
        long end = Math.min(n, start + slice);
        NDIndex rows = new NDIndex(":, :, {}:{}", start, end);
        NDArray maskRows = mask == null || mask.getShape().get(2) == 1 ? mask : mask.get(rows);
        parts.add(block(qs.get(rows), kt, v, maskRows, call, hook, observe, start));
      }
      return s.keep(NDArrays.concat(parts, 2));
    }
  }

  /** One slice of queries in a scope of its own, so that each slice's scores are freed before the next. */
  private static NDArray block(NDArray q, NDArray kt, NDArray v, NDArray mask, AttentionCall call,
      AttentionHook hook, boolean observe, long start) {
    try (Scope s = Scope.of(q, kt, v, mask)) {
      return s.keep(scoresAndValues(q, kt, v, mask, call, hook, observe, start));
    }
  }

  /** softmax(q kt + mask) v, its intermediates in the caller's scope. */
  private static NDArray scoresAndValues(NDArray q, NDArray kt, NDArray v, NDArray mask, AttentionCall call,
      AttentionHook hook, boolean observe, long start) {
    NDArray scores = q.matMul(kt);
    if (mask != null) {
      scores = scores.add(mask);
    }
    NDArray probs = scores.softmax(-1);
    if (observe) {
      hook.onAttentionMaps(call, start, probs);
    }
    return probs.matMul(v);
  }
}
