package dev.crossnet.api.loss;

import ai.djl.ndarray.NDManager;
import java.util.Optional;
import java.util.SplittableRandom;

/** What a loss can read during one training step. */
public interface LossContext {

  /** The value of an input, or empty when this step has none. */
  <T> Optional<T> find(LossInput<T> input);

  /** The value of an input the loss declared in {@link TrainingLoss#requires()}. */
  default <T> T get(LossInput<T> input) {
    return find(input).orElseThrow(() -> new IllegalStateException("the trainer supplied no '"
        + input.name() + "' although the loss requires it"));
  }

  /** Scope for the step's intermediate arrays; closed by the trainer after the step. */
  NDManager manager();

  /** A random source for losses that sample (e.g. word sets), seeded per step so runs replay exactly. */
  SplittableRandom random();

  /** The current optimisation step, from 0. */
  int step();
}
