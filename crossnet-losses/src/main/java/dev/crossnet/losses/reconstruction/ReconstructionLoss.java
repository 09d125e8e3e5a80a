package dev.crossnet.losses.reconstruction;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.TrainingLoss;
import java.util.Optional;
import java.util.Set;

/**
 * The denoising loss: mean squared error between the network's prediction and its target, optionally
 * restricted to a mask (textual inversion on a subject's own pixels). With a mask, the squared error is
 * averaged over the masked area only, so a small subject is not drowned by its background.
 */
public final class ReconstructionLoss implements TrainingLoss {

  private final boolean useMask;

  public ReconstructionLoss(boolean useMask) {
    this.useMask = useMask;
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
    NDArray squared = prediction.sub(target).square();
    Optional<NDArray> mask = useMask ? context.find(LossInput.MASK) : Optional.empty();
    if (mask.isEmpty()) {
      return squared.mean();
    }
    NDArray m = mask.get();
    long channels = prediction.getShape().get(1);
    // sum over masked pixels / (masked area * channels); the epsilon keeps an empty mask from dividing by 0
    return squared.mul(m).sum().div(m.sum().mul(channels).add(1e-6f));
  }
}
