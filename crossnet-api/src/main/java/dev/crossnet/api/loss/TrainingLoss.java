package dev.crossnet.api.loss;

import ai.djl.ndarray.NDArray;
import java.util.Set;

/**
 * One term of a training objective. The trainer calls {@link #compute(LossContext)} inside its gradient
 * scope, multiplies by the term's weight and sums the terms of a parameter group in their fixed order.
 */
public interface TrainingLoss {

  /** The inputs this loss reads; the trainer checks before training that it can supply them all. */
  Set<LossInput<?>> requires();

  /** The loss as a scalar (shape [] or [1]), differentiable with respect to the trained parameters. */
  NDArray compute(LossContext context);
}
