package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;

/**
 * A seam into every attention layer of one forward pass: observe the attention maps and supply or replace
 * keys and values (of the text and, in decoupled cross-attention, of the image prompt). Install it by passing it to a model's {@code forward}; {@link #NONE} (the default) costs
 * nothing.
 *
 * <p>Arrays handed to a hook belong to the forward pass and are freed when its layer returns: a hook that
 * keeps one must copy it into a manager of its own ({@code array.duplicate()} then {@code attach}).
 *
 * <pre>{@code
 * AttentionHook frame0 = new AttentionHook() {
 *   public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
 *     if (call.cross()) return kv;
 *     return new KeyValues(kv.keys().get("0:1"), kv.values().get("0:1")); // every frame attends to frame 0
 *   }
 * };
 * NDArray eps = unet.forward(latents, t, text, frame0);
 * }</pre>
 */
public interface AttentionHook {

  /** The hook that does nothing. */
  AttentionHook NONE = new AttentionHook() {};

  /** Fails early on a null hook, pointing at {@link #NONE}. */
  static AttentionHook requireHook(AttentionHook hook) {
    if (hook == null) {
      throw new IllegalArgumentException("attention hook is null; pass AttentionHook.NONE for no hook");
    }
    return hook;
  }

  /**
   * Several hooks as one: keys and values pass through each hook in order (each sees the previous one's
   * result); maps go to every hook that observes the layer.
   */
  static AttentionHook compose(AttentionHook... hooks) {
    List<AttentionHook> list = Arrays.stream(hooks).filter(h -> h != NONE).toList();
    if (list.isEmpty()) {
      return NONE;
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues projected) {
        KeyValues kv = projected;
        for (AttentionHook h : list) {
          kv = h.keysValues(call, queryInput, kv);
        }
        return kv;
      }

      @Override
      public NDArray scoreBias(AttentionCall call, long keys, NDManager manager) {
        NDArray sum = null;
        for (AttentionHook h : list) {
          NDArray b = h.scoreBias(call, keys, manager);
          if (b != null) {
            sum = sum == null ? b : sum.add(b);
          }
        }
        return sum;
      }

      @Override
      public KeyValues imageKeysValues(AttentionCall call, NDArray queryInput, KeyValues projected) {
        KeyValues kv = projected;
        for (AttentionHook h : list) {
          kv = h.imageKeysValues(call, queryInput, kv);
        }
        return kv;
      }

      @Override
      public NDArray imageWeight(AttentionCall call, NDManager manager) {
        NDArray product = null;
        for (AttentionHook h : list) {
          NDArray w = h.imageWeight(call, manager);
          if (w != null) {
            product = product == null ? w : product.mul(w);
          }
        }
        return product;
      }

      @Override
      public List<SeparateContext> separateContexts(AttentionCall call, int batch, NDManager manager) {
        List<SeparateContext> all = new java.util.ArrayList<>();
        for (AttentionHook h : list) {
          all.addAll(h.separateContexts(call, batch, manager));
        }
        return all;
      }

      @Override
      public boolean observesMaps(AttentionCall call) {
        return list.stream().anyMatch(h -> h.observesMaps(call));
      }

      @Override
      public void onAttentionMaps(AttentionCall call, long queryStart, NDArray probabilities) {
        for (AttentionHook h : list) {
          if (h.observesMaps(call)) {
            h.onAttentionMaps(call, queryStart, probabilities);
          }
        }
      }
    };
  }

  /**
   * The keys and values the layer should attend to. The default keeps the layer's own.
   *
   * @param queryInput the hidden states the queries were projected from [B, queries, channels]
   * @param projected the layer's own keys and values
   */
  default KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues projected) {
    return projected;
  }

  /**
   * An additive bias on the call's attention scores, broadcastable to [B, heads, queries, keys], or null for
   * none (e.g. a large negative value where a subject token may not be attended to). Created in
   * {@code manager}, which the layer frees when it returns.
   *
   * @param keys the number of keys after {@link #keysValues}
   */
  default NDArray scoreBias(AttentionCall call, long keys, NDManager manager) {
    return null;
  }

  /**
   * The keys and values of the image-prompt part of a decoupled cross-attention (IP-Adapter, see
   * {@link DecoupledKeyValues}), called only for layers that have one. The text part goes through
   * {@link #keysValues} as usual; the two never mix, so a text hook does not see image tokens. The default
   * keeps the adapter's own.
   *
   * @param call the layer's call, the same as for its text part
   * @param queryInput the hidden states the queries were projected from [B, queries, channels]
   * @param projected the image tokens' keys and values [B or 1, image tokens, heads x headDim]
   */
  default KeyValues imageKeysValues(AttentionCall call, NDArray queryInput, KeyValues projected) {
    return projected;
  }

  /**
   * A per-query weight on the image-prompt part of a decoupled cross-attention, broadcastable to
   * [B, queries, 1] and multiplied into it on top of the prompt's scale, or null for none: 1 inside a region
   * and 0 outside restricts the image prompt to that region. Created in {@code manager}, which the layer frees
   * when it returns. Called only for layers that have an image part.
   */
  default NDArray imageWeight(AttentionCall call, NDManager manager) {
    return null;
  }

  /**
   * Further contexts a cross-attention layer attends to on its own beside the text, each result scaled, weighted
   * per query and added before the output projection (a subject's image tokens, confined to its region: see
   * {@link SeparateContext}). Called for cross-attention layers only; arrays are created in {@code manager}, which
   * the layer frees when it returns.
   *
   * @param batch the layer's batch
   */
  default List<SeparateContext> separateContexts(AttentionCall call, int batch, NDManager manager) {
    return List.of();
  }

  /**
   * A context attended to on its own.
   *
   * @param keyValues keys and values [batch or 1, tokens, heads x headDim], projected for the layer
   * @param scale weight of the result
   * @param queryWeights [batch or 1, queries, 1], or null for 1 everywhere
   */
  record SeparateContext(KeyValues keyValues, float scale, NDArray queryWeights) {}

  /** Whether {@link #onAttentionMaps} should be called for this layer. */
  default boolean observesMaps(AttentionCall call) {
    return false;
  }

  /**
   * The softmax probabilities of a slice of queries: [B, heads, slice, keys], for queries
   * {@code queryStart .. queryStart + slice - 1}. Large layers are reported in several slices.
   */
  default void onAttentionMaps(AttentionCall call, long queryStart, NDArray probabilities) {}
}
