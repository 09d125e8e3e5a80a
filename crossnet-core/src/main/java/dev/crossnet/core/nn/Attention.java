package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * Multi-head self- or cross-attention with the diffusers/transformers parameter names. The layer's name is
 * its checkpoint path and is what {@link AttentionHook}s see as {@link AttentionCall#layer()}.
 */
public final class Attention extends Module {

  private final int heads;
  private final int headDim;
  private final boolean cross;
  private final Linear q;
  private final Linear k;
  private final Linear v;
  private final Linear out;
  private final ScaledDotProductAttention sdpa;

  /**
   * @param queryDim width of the hidden states the queries come from (and of the output)
   * @param contextDim width of the context for cross-attention, or 0 for self-attention
   */
  public Attention(ParameterSource source, String name, AttentionNames names, long queryDim, long contextDim,
      int heads, int headDim) {
    super(name);
    this.heads = heads;
    this.headDim = headDim;
    this.cross = contextDim > 0;
    long inner = (long) heads * headDim;
    long kvDim = cross ? contextDim : queryDim;
    this.q = child(new Linear(source, path(names.q()), queryDim, inner, names.qkvBias()));
    this.k = child(new Linear(source, path(names.k()), kvDim, inner, names.qkvBias()));
    this.v = child(new Linear(source, path(names.v()), kvDim, inner, names.qkvBias()));
    this.out = child(new Linear(source, path(names.out()), inner, queryDim, true));
    this.sdpa = new ScaledDotProductAttention(ScaledDotProductAttention.DEFAULT_BUDGET);
  }

  public int heads() {
    return heads;
  }

  public int headDim() {
    return headDim;
  }

  /**
   * Attends x [B, N, queryDim] to the context [B, M, contextDim] (or to itself when context is null).
   *
   * @param mask additive mask broadcastable to [B, heads, N, M], or null
   * @param height query grid height for spatial inputs (0 for sequences), reported to hooks
   * @param width query grid width for spatial inputs (0 for sequences)
   */
  public NDArray forward(NDArray x, NDArray context, NDArray mask, AttentionHook hook, long height,
      long width) {
    return forward(x, context, mask, hook, height, width, null);
  }

  /**
   * As {@link #forward(NDArray, NDArray, NDArray, AttentionHook, long, long)}, adding a decoupled attention
   * of the same queries to a second context before the output projection (IP-Adapter). The mask and
   * {@link AttentionHook#keysValues}/{@link AttentionHook#scoreBias} apply to the first context only; the
   * second goes through {@link AttentionHook#imageKeysValues} and {@link AttentionHook#imageWeight}, and its
   * maps are not reported.
   *
   * @param decoupled the second context's keys and values and its weight, or null for none
   */
  public NDArray forward(NDArray x, NDArray context, NDArray mask, AttentionHook hook, long height,
      long width, DecoupledKeyValues decoupled) {
    try (Scope s = Scope.of(x, context, mask)) {
      long b = x.getShape().get(0);
      long n = x.getShape().get(1);
      NDArray kvInput = context == null ? x : context;
      NDArray query = q.forward(x);
      NDArray keys = k.forward(kvInput);
      NDArray values = v.forward(kvInput);
      AttentionCall call = new AttentionCall(name(), cross, heads, headDim, n, height, width);
      if (hook != AttentionHook.NONE) {
        KeyValues kv = hook.keysValues(call, x, new KeyValues(keys, values));
        checkHookResult(kv, b);
        keys = kv.keys();
        values = kv.values();
        s.borrow(keys, values);
        NDArray bias = hook.scoreBias(call, keys.getShape().get(1), s.manager());
        if (bias != null) {
          mask = mask == null ? bias : mask.add(bias);
        }
      }
      NDArray scaledQuery = sdpa.scaleQuery(splitHeads(query));
      NDArray attended = sdpa.attendScaled(scaledQuery, splitHeads(keys), splitHeads(values), mask, call, hook);
      if (decoupled != null) {
        attended = attended.add(decoupledPart(s, x, scaledQuery, decoupled, call, hook));
      }
      if (cross && hook != AttentionHook.NONE) {
        for (AttentionHook.SeparateContext c : hook.separateContexts(call, (int) b, s.manager())) {
          attended = attended.add(separatePart(s, scaledQuery, c, call, b));
        }
      }
      NDArray merged = attended.transpose(0, 2, 1, 3).reshape(b, n, (long) heads * headDim);
      return s.keep(out.forward(merged));
    }
  }

  /** Self- or cross-attention of a sequence without mask. */
  public NDArray forward(NDArray x, NDArray context, AttentionHook hook) {
    return forward(x, context, null, hook, 0, 0);
  }

  /** scale x attn(q, k2, v2) per head, times the hook's per-query weight if any: [B, heads, n, headDim]. */
  private NDArray decoupledPart(Scope s, NDArray x, NDArray scaledQuery, DecoupledKeyValues decoupled,
      AttentionCall call, AttentionHook hook) {
    long b = x.getShape().get(0);
    KeyValues kv = decoupled.keyValues();
    s.borrow(kv.keys(), kv.values());
    checkHookResult(kv, b, "decoupled context has");
    NDArray weight = null;
    if (hook != AttentionHook.NONE) {
      kv = hook.imageKeysValues(call, x, kv);
      checkHookResult(kv, b, "attention hook returned image");
      s.borrow(kv.keys(), kv.values());
      weight = hook.imageWeight(call, s.manager());
    }
    return imagePart(scaledQuery, kv, decoupled.scale(), weight, call);
  }

  /** scale x attn(q, k, v) of a hook's separate context per head, times its per-query weights. */
  private NDArray separatePart(Scope s, NDArray scaledQuery, AttentionHook.SeparateContext c, AttentionCall call,
      long b) {
    KeyValues kv = c.keyValues();
    s.borrow(kv.keys(), kv.values(), c.queryWeights());
    checkHookResult(kv, b, "attention hook returned a separate context with");
    return imagePart(scaledQuery, kv, c.scale(), c.queryWeights(), call);
  }

  /**
   * scale x attn(q, k, v) of a context attended to on its own (IP-Adapter's image part, a hook's separate context)
   * per head, times the per-query weight if any: [B, heads, n, headDim], added to the text part's before the heads
   * are merged. Keys and values of batch 1 serve every query. Its maps are not the layer's maps: observers of the
   * text context never see them.
   *
   * @param weight per-query weights broadcastable to [B, n, 1], or null
   */
  private NDArray imagePart(NDArray scaledQuery, KeyValues kv, float scale, NDArray weight, AttentionCall call) {
    NDArray part = sdpa.attendScaled(scaledQuery, splitHeads(kv.keys()), splitHeads(kv.values()), null, call,
        AttentionHook.NONE);
    if (scale != 1f) {
      part = part.mul(Scalars.of(part, scale));
    }
    if (weight == null) {
      return part;
    }
    // [B, n, 1] -> [B, 1, n, 1] so that it broadcasts over the heads; lower ranks already line up with [n, 1]
    return part.mul(weight.getShape().dimension() == 3 ? weight.expandDims(1) : weight);
  }

  /** A hook's keys and values must fit this layer; say which layer and what was wrong. */
  private void checkHookResult(KeyValues kv, long batch) {
    checkHookResult(kv, batch, "attention hook returned");
  }

  /** Keys and values must fit this layer; say which layer and what was wrong. */
  private void checkHookResult(KeyValues kv, long batch, String what) {
    long inner = (long) heads * headDim;
    ai.djl.ndarray.types.Shape ks = kv.keys().getShape();
    ai.djl.ndarray.types.Shape vs = kv.values().getShape();
    boolean ok = ks.dimension() == 3 && vs.dimension() == 3 && ks.get(2) == inner && vs.get(2) == inner
        && ks.get(1) == vs.get(1) && ks.get(0) == vs.get(0) && (ks.get(0) == batch || ks.get(0) == 1);
    if (!ok) {
      throw new IllegalStateException(what + " keys " + ks + " and values " + vs + " for layer "
          + name() + ", which needs [" + batch + " or 1, tokens, " + inner + "] for both, with equal token counts");
    }
  }

  private NDArray splitHeads(NDArray t) {
    return t.reshape(t.getShape().get(0), t.getShape().get(1), heads, headDim).transpose(0, 2, 1, 3);
  }

  /** Multiply-accumulates for n queries and m keys (projections and both attention products). */
  public long macs(long n, long m) {
    long inner = (long) heads * headDim;
    return n * q.macsPerRow() + m * (k.macsPerRow() + v.macsPerRow()) + n * out.macsPerRow()
        + 2 * n * m * inner;
  }
}
