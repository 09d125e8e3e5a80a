package dev.crossnet.losses.reconstruction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.TrainingLoss;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The denoising loss: mean squared (or absolute) error between the network's prediction and its target,
 * optionally restricted to a mask (textual inversion on a subject's own pixels). With a mask, the error is
 * averaged over the masked area only, so a small subject is not drowned by its background. The absolute error
 * is for decoders of thin detail: it does not let a one-pixel line fade into its background as squared error
 * does.
 */
public final class ReconstructionLoss implements TrainingLoss {

  /** How a per-element difference is scored. */
  public enum Error {
    SQUARED,
    ABSOLUTE
  }

  private final boolean useMask;
  private final Error error;

  public ReconstructionLoss(boolean useMask) {
    this(useMask, Error.SQUARED);
  }

  public ReconstructionLoss(boolean useMask, Error error) {
    this.useMask = useMask;
    this.error = error;
  }

  @Override
  public Set<LossInput<?>> requires() {
    return Set.of(LossInput.PREDICTION, LossInput.TARGET);
  }

  @Override
  public NDArray compute(LossContext context) {
    NDArray prediction = context.get(LossInput.PREDICTION);
    NDArray target = context.get(LossInput.TARGET);
    if (!prediction.getShape().equals(target.getShape())) {
      throw new IllegalArgumentException("reconstruction loss: prediction " + prediction.getShape()
          + " and target " + target.getShape() + " differ in shape");
    }
    NDArray difference = prediction.sub(target);
    NDArray scored = error == Error.SQUARED ? difference.square() : difference.abs();
    Optional<NDArray> weights = context.find(LossInput.EXAMPLE_WEIGHTS);
    if (weights.isPresent()) {
      scored = scored.mul(exampleWeights(weights.get(), prediction));
    }
    Optional<NDArray> mask = useMask ? context.find(LossInput.MASK) : Optional.empty();
    if (mask.isEmpty()) {
      return scored.mean();
    }
    NDArray m = mask.get();
    long channels = prediction.getShape().get(1);
    // sum over masked pixels / (masked area * channels); the epsilon keeps an empty mask from dividing by 0
    return scored.mul(m).sum().div(m.sum().mul(channels).add(1e-6f));
  }

  /** The [B] weights shaped [B, 1, ..., 1] to scale each example's errors. */
  private static NDArray exampleWeights(NDArray weights, NDArray prediction) {
    long batch = prediction.getShape().get(0);
    if (weights.getShape().dimension() != 1 || weights.getShape().get(0) != batch) {
      throw new IllegalArgumentException("reconstruction loss: example weights " + weights.getShape()
          + " do not match the batch of " + batch + "; give one weight per example, shape [" + batch + "]");
    }
    long[] shape = new long[prediction.getShape().dimension()];
    Arrays.fill(shape, 1);
    shape[0] = batch;
    return weights.reshape(new Shape(shape));
  }
}
