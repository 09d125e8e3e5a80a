package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.api.sampler.NoiseSource;

/**
 * ILVR's guidance step: after a sampler step, the sample's low frequencies ({@link LowPass}) are moved to those of a
 * reference noised to the sample's step. The motion branch guides toward the bedrock, a video's temporal anchor
 * toward an earlier frame's result; each masks and weighs the correction itself.
 */
public final class Ilvr {

  private final LowPass filter;

  /** ILVR with low-pass factor {@code factor} (lowered to divide both sides) for samples of this size. */
  public Ilvr(int factor, long height, long width) {
    this.filter = new LowPass(factor, height, width);
  }

  /** The low-pass factor in use. */
  public int factor() {
    return filter.factor();
  }

  /** Whether guidance that runs for the share {@code until} of the loop's steps still runs after this step. */
  public static boolean holds(StepView step, double until) {
    int span = step.plan().size() - step.startIndex();
    int done = step.index() - step.startIndex();
    return done < (int) Math.round(until * span);
  }

  /**
   * phi(reference noised to the sample's step) - phi(sample), in the sample's manager, unmasked. After the last step
   * the reference is taken as it is; before it, one array of {@code noise} is drawn to noise it.
   */
  public NDArray correction(StepView step, NDArray sample, NDArray reference, NoiseSource noise) {
    NDManager scope = sample.getManager();
    NDArray target = reference;
    if (step.nextIndex() < step.plan().size()) {
      target = step.sampler().addNoise(step.plan(), step.nextIndex(), reference,
          noise.next(scope, reference.getShape()));
      target.attach(scope);
    }
    return filter.apply(target).sub(filter.apply(sample));
  }
}
