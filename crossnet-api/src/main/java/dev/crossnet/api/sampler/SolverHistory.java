package dev.crossnet.api.sampler;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What a multi-step solver carries from one step to the next (for DPM-Solver++ 2M: the previous step's
 * x_0 estimate). Immutable; single-step samplers pass {@link #EMPTY} along.
 *
 * @param outputs earlier converted model outputs, oldest first
 * @param lastIndex the plan index of the step that produced the newest output, or -1
 */
public record SolverHistory(List<NDArray> outputs, int lastIndex) {

  public static final SolverHistory EMPTY = new SolverHistory(List.of(), -1);

  public SolverHistory {
    outputs = List.copyOf(outputs);
  }

  /** A history that keeps at most {@code keep} outputs, ending with {@code output} from step {@code index}. */
  public SolverHistory push(NDArray output, int index, int keep) {
    List<NDArray> list = new java.util.ArrayList<>(outputs);
    list.add(output);
    while (list.size() > keep) {
      list.remove(0);
    }
    return new SolverHistory(list, index);
  }
}
