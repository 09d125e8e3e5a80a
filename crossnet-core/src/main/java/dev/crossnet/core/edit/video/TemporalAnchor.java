package dev.crossnet.core.edit.video;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.branch.ConditioningBranch;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.branch.Ilvr;
import dev.crossnet.core.image.PictureTensors;

/**
 * Holds a frame's regions, for a share of its steps ({@link Settings#until}), to an earlier frame's result: after
 * each of those steps the low frequencies of the sample inside the regions are moved to those of the reference
 * noised to the same step (ILVR, {@link Ilvr}, with the earlier result moved to the frame's regions as the
 * reference, {@link MovedReference}). The subject drawn in the earlier frame then fixes the colours and layout of the
 * later one; steps after the share draw the frame's own details. The reference is noised from a source of its own,
 * so the frame's other noise is unchanged.
 */
public final class TemporalAnchor implements ConditioningBranch {

  /** How the anchor holds a frame. */
  public record Settings(double until, int factor, double weight) {

    public Settings {
      if (!(until >= 0 && until <= 1)) {
        throw new IllegalArgumentException(VideoOptions.ANCHOR_UNTIL + " must lie in [0, 1], got " + until);
      }
      if (factor < 1) {
        throw new IllegalArgumentException(VideoOptions.ANCHOR_FACTOR + " must be at least 1, got " + factor);
      }
      if (!(weight > 0 && weight <= 1)) {
        throw new IllegalArgumentException(VideoOptions.ANCHOR_WEIGHT + " must lie in (0, 1], got " + weight);
      }
    }
  }

  private static final long NOISE_SALT = 0x5DEECE66DL;

  private final Picture reference;
  private final Settings settings;
  private final long seed;

  /**
   * @param reference the picture to hold the frame's regions to, the frame's size
   * @param settings how long and how firmly
   * @param seed the frame's seed; the reference's noise is drawn from a source derived from it
   */
  public TemporalAnchor(Picture reference, Settings settings, long seed) {
    this.reference = reference;
    this.settings = settings;
    this.seed = seed;
  }

  @Override
  public BranchRun start(BranchContext context) {
    EditContext c = EditContext.require(context, "video anchor");
    NDArray held;
    try (NDArray pixels = PictureTensors.toTensor(reference, c.manager())) {
      held = c.codec().encode(pixels);
    }
    Ilvr guide = new Ilvr(settings.factor(), held.getShape().get(2), held.getShape().get(3));
    NoiseSource noise = NoiseSource.seeded(seed ^ NOISE_SALT);
    return new BranchRun() {
      @Override
      public NDArray afterStep(StepView step, NDArray sample) {
        if (!Ilvr.holds(step, settings.until())) {
          return sample;
        }
        NDArray correction = guide.correction(step, sample, held, noise).mul(c.regionMask());
        if (settings.weight() < 1) {
          correction = correction.mul((float) settings.weight());
        }
        return sample.add(correction);
      }

      @Override
      public void close() {
        held.close();
      }
    };
  }
}
