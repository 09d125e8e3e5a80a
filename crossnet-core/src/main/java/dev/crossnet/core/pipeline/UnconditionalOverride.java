package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * A branch run of this runtime that replaces the unconditional side of guidance at some steps (null-text
 * optimisation learns one per step). The loop asks the runs in order; the first answer wins.
 */
public interface UnconditionalOverride {

  /** The [1, L, D] unconditional states for plan index {@code index}, or empty to keep the edit's own. */
  Optional<NDArray> unconditionalStates(int index);
}
