package dev.crossnet.core.train;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossInput;
import java.util.Map;

/**
 * The model-specific part of a training step: draw the batch of step {@code step}, run the forward pass
 * (inside the trainer's gradient scope) and return what the losses read. It must be deterministic in
 * {@code step}, so that a resumed training sees exactly the batches it would have seen.
 */
@FunctionalInterface
public interface TrainingStep {

  Map<LossInput<?>, Object> forward(NDManager scope, int step);
}
