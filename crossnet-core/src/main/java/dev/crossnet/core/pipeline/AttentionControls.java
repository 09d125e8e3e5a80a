package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.AttentionSite;
import java.util.List;
import java.util.Optional;

/** Composes the attention controls of several branches into one, applied in the branches' order. */
final class AttentionControls {

  private AttentionControls() {}

  static Optional<AttentionControl> chain(List<AttentionControl> controls) {
    if (controls.isEmpty()) {
      return Optional.empty();
    }
    if (controls.size() == 1) {
      return Optional.of(controls.get(0));
    }
    List<AttentionControl> copy = List.copyOf(controls);
    return Optional.of(new AttentionControl() {
      @Override
      public AttentionInputs keysValues(AttentionSite site, AttentionInputs keysValues) {
        AttentionInputs current = keysValues;
        for (AttentionControl c : copy) {
          current = c.keysValues(site, current);
        }
        return current;
      }

      @Override
      public NDArray scoreBias(AttentionSite site, long keys, NDManager manager) {
        NDArray sum = null;
        for (AttentionControl c : copy) {
          NDArray b = c.scoreBias(site, keys, manager);
          if (b != null) {
            sum = sum == null ? b : sum.add(b);
          }
        }
        return sum;
      }

      @Override
      public boolean observes(AttentionSite site) {
        return copy.stream().anyMatch(c -> c.observes(site));
      }

      @Override
      public void observe(AttentionSite site, long firstQuery, NDArray probabilities) {
        for (AttentionControl c : copy) {
          if (c.observes(site)) {
            c.observe(site, firstQuery, probabilities);
          }
        }
      }
    });
  }
}
