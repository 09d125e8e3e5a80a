package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.AttentionSite;
import dev.crossnet.core.nn.AttentionCall;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.KeyValues;
import java.util.List;

/** Presents a plugin's engine-neutral {@link AttentionControl} to the network as an {@link AttentionHook}. */
public final class ControlHook implements AttentionHook {

  private final AttentionControl control;

  private ControlHook(AttentionControl control) {
    this.control = control;
  }

  /**
   * The controls as one hook, applied in order ({@link AttentionHook#compose}: keys and values pass through
   * each, score biases add up, maps go to every observer), or {@link AttentionHook#NONE} when there are none.
   */
  public static AttentionHook of(List<AttentionControl> controls) {
    return AttentionHook.compose(controls.stream().map(ControlHook::new).toArray(AttentionHook[]::new));
  }

  private static AttentionSite site(AttentionCall call) {
    return new AttentionSite(call.layer(), call.cross(), call.heads(), (int) call.height(), (int) call.width());
  }

  @Override
  public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues projected) {
    AttentionControl.AttentionInputs in = new AttentionControl.AttentionInputs(projected.keys(), projected.values());
    AttentionControl.AttentionInputs out = control.keysValues(site(call), in);
    return out == in ? projected : new KeyValues(out.keys(), out.values());
  }

  @Override
  public NDArray scoreBias(AttentionCall call, long keys, NDManager manager) {
    return control.scoreBias(site(call), keys, manager);
  }

  @Override
  public List<SeparateContext> separateContexts(AttentionCall call, int batch, NDManager manager) {
    List<AttentionControl.SeparateContext> contexts = control.separateContexts(site(call), batch, manager);
    return contexts.stream()
        .map(c -> new SeparateContext(new KeyValues(c.keys(), c.values()), c.scale(), c.queryWeights()))
        .toList();
  }

  @Override
  public boolean observesMaps(AttentionCall call) {
    return control.observes(site(call));
  }

  @Override
  public void onAttentionMaps(AttentionCall call, long queryStart, NDArray probabilities) {
    control.observe(site(call), queryStart, probabilities);
  }
}
