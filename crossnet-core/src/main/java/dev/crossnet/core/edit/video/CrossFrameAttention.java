package dev.crossnet.core.edit.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.AttentionSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sparse-causal cross-frame attention (Tune-A-Video's, without its tuning): while frame f is denoised, every
 * self-attention layer attends to its own keys and values and also to those the same layer had at the same call of
 * the first frame and of the previous frame. The subject drawn in the first frame is then what later frames look
 * up, so its look holds and does not flicker. Keys and values are recorded while a frame runs; only the first
 * frame's and the previous frame's are kept, so memory does not grow with the clip's length.
 *
 * <p>Calls are matched by their order per layer within a frame: every frame of a video edit runs the same loop
 * (same sampler, steps and start), so the k-th call of a layer is the same step and the same half of the guidance
 * batch in every frame. Where a recorded array does not match the running one in batch or width, it is left out.
 * One instance serves one video edit, on one thread.
 */
public final class CrossFrameAttention implements AttentionControl, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrossFrameAttention.class);

  private final NDManager home;
  private final boolean first;
  private final boolean previous;
  private final boolean own;
  private final Map<String, Integer> calls = new HashMap<>();
  private int frame = -1;
  private Recorded anchor;
  private Recorded last;
  private Recorded current;
  private long mismatches;

  /** Keys and values of one frame, per layer and call, in a manager of their own. */
  private record Recorded(NDManager manager, Map<String, List<AttentionInputs>> byLayer) {

    AttentionInputs get(String layer, int call) {
      List<AttentionInputs> list = byLayer.get(layer);
      return list == null || call >= list.size() ? null : list.get(call);
    }

    long bytes() {
      long sum = 0;
      for (List<AttentionInputs> list : byLayer.values()) {
        for (AttentionInputs kv : list) {
          sum += 4 * (kv.keys().size() + kv.values().size());
        }
      }
      return sum;
    }
  }

  /**
   * @param home where the recorded keys and values live (closed with this control at the latest)
   * @param first whether frames attend to the first frame's keys and values
   * @param previous whether frames attend to the previous frame's
   */
  public CrossFrameAttention(NDManager home, boolean first, boolean previous) {
    this(home, first, previous, true);
  }

  /**
   * @param own whether a frame after the first also attends to its own keys and values (false: only to the
   *     earlier frames', as Tune-A-Video's sparse-causal attention)
   */
  public CrossFrameAttention(NDManager home, boolean first, boolean previous, boolean own) {
    if (!first && !previous) {
      throw new IllegalArgumentException("cross-frame attention needs the first frame, the previous frame or both");
    }
    this.home = home;
    this.first = first;
    this.previous = previous;
    this.own = own;
  }

  /** Starts frame {@code index} (0, 1, 2, ... in order): the frame just finished becomes the previous one. */
  public void beginFrame(int index) {
    if (index != frame + 1) {
      throw new IllegalStateException("frame " + index + " begun after frame " + frame + "; frames run in order");
    }
    if (current != null) {
      if (frame == 0 && first) {
        anchor = current;
      }
      if (last != null && last != anchor) {
        last.manager().close();
      }
      last = previous ? current : null;
      if (!previous && current != anchor) {
        current.manager().close();
      }
    }
    frame = index;
    calls.clear();
    current = recording() ? new Recorded(home.newSubManager(), new HashMap<>()) : null;
  }

  /** Bytes held now by recorded keys and values (the first frame's, the previous frame's and this frame's). */
  public long bytesHeld() {
    long sum = 0;
    for (Recorded r : new Recorded[] {anchor, last == anchor ? null : last, current}) {
      sum += r == null ? 0 : r.bytes();
    }
    return sum;
  }

  @Override
  public AttentionInputs keysValues(AttentionSite site, AttentionInputs own) {
    if (site.cross() || frame < 0) {
      return own;
    }
    int call = calls.merge(site.layer(), 1, Integer::sum) - 1;
    if (current != null) {
      NDArray k = own.keys().duplicate();
      NDArray v = own.values().duplicate();
      k.attach(current.manager());
      v.attach(current.manager());
      current.byLayer().computeIfAbsent(site.layer(), l -> new ArrayList<>()).add(new AttentionInputs(k, v));
    }
    NDList keys = new NDList(own.keys());
    NDList values = new NDList(own.values());
    if (first && anchor != null) {
      add(anchor.get(site.layer(), call), own, keys, values);
    }
    if (previous && last != null && last != anchor) {
      add(last.get(site.layer(), call), own, keys, values);
    }
    if (keys.size() == 1) {
      return own;
    }
    if (!this.own) {
      keys.remove(0);
      values.remove(0);
      if (keys.size() == 1) {
        // a copy in the forward pass's manager: the recorded arrays stay the recorder's
        NDArray k = keys.get(0).duplicate();
        NDArray v = values.get(0).duplicate();
        k.attach(own.keys().getManager());
        v.attach(own.keys().getManager());
        return new AttentionInputs(k, v);
      }
    }
    return new AttentionInputs(NDArrays.concat(keys, 1), NDArrays.concat(values, 1));
  }

  private void add(AttentionInputs earlier, AttentionInputs own, NDList keys, NDList values) {
    if (earlier == null || !fits(earlier.keys().getShape(), own.keys().getShape())) {
      if (mismatches++ == 0) {
        LOG.debug("cross-frame attention: frame {} has a call the earlier frame did not (or of another shape); "
            + "that call attends to its own frame only", frame);
      }
      return;
    }
    keys.add(earlier.keys());
    values.add(earlier.values());
  }

  private static boolean fits(Shape earlier, Shape own) {
    return earlier.dimension() == 3 && own.dimension() == 3 && earlier.get(0) == own.get(0)
        && earlier.get(2) == own.get(2);
  }

  /** Whether this frame's keys and values will be needed by a later frame. */
  private boolean recording() {
    return previous || (first && frame == 0);
  }

  /** Calls whose earlier keys and values were missing or of another shape (0 in a well-formed video edit). */
  public long mismatches() {
    return mismatches;
  }

  @Override
  public void close() {
    for (Recorded r : new Recorded[] {anchor, last, current}) {
      if (r != null && r.manager().isOpen()) {
        r.manager().close();
      }
    }
    anchor = null;
    last = null;
    current = null;
  }
}
