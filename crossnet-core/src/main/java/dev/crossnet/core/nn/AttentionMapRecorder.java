package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A hook that keeps the head-averaged attention maps of chosen layers, [B, queries, keys] per layer, in a
 * manager of its own (the pass's arrays are freed as soon as each layer returns). Typical use: the
 * cross-attention maps of the text tokens, to locate a word in the image.
 *
 * <pre>{@code
 * try (AttentionMapRecorder maps = new AttentionMapRecorder(manager, call -> call.cross())) {
 *   unet.forward(x, t, text, maps);
 *   NDArray m = maps.maps().get("up_blocks.1.attentions.0.transformer_blocks.0.attn2");
 * }
 * }</pre>
 */
public final class AttentionMapRecorder implements AttentionHook, AutoCloseable {

  private final NDManager manager;
  private final Predicate<AttentionCall> layers;
  private final Map<String, NDList> slices = new LinkedHashMap<>();

  /** Records the layers the predicate accepts, into a child of the given manager. */
  public AttentionMapRecorder(NDManager parent, Predicate<AttentionCall> layers) {
    this.manager = parent.newSubManager();
    this.layers = layers;
  }

  @Override
  public boolean observesMaps(AttentionCall call) {
    return layers.test(call);
  }

  @Override
  public void onAttentionMaps(AttentionCall call, long queryStart, NDArray probabilities) {
    NDArray mean = probabilities.mean(new int[] {1});
    mean.attach(manager);
    slices.computeIfAbsent(call.layer(), k -> new NDList()).add(mean);
  }

  /**
   * The maps recorded so far, by layer: [B, queries, keys], averaged over heads. A layer run several times
   * (e.g. in several forwards) is concatenated along the query axis in call order.
   */
  public Map<String, NDArray> maps() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    slices.forEach((layer, parts) -> {
      if (parts.size() > 1) {
        NDArray whole = NDArrays.concat(parts, 1);
        parts.close();
        parts.clear();
        parts.add(whole);
      }
      out.put(layer, parts.get(0));
    });
    return Collections.unmodifiableMap(out);
  }

  /** Frees every recorded map. */
  @Override
  public void close() {
    manager.close();
  }
}
