package dev.crossnet.api.branch;

/**
 * One composable part of an edit. It is stateless and shared; {@link #start(BranchContext)} returns the
 * per-edit {@link BranchRun} that joins the denoising loop. The loop calls every run's hooks in the
 * branches' (order, name) order, and closes the runs in reverse order so that they nest.
 *
 * <pre>{@code
 * public final class KeepOutsideRegion implements ConditioningBranch {
 *   public BranchRun start(BranchContext context) {
 *     return new BranchRun() {
 *       public NDArray afterStep(StepView step, NDArray latent) {
 *         NDArray known = step.sampler().addNoise(step.plan(), step.nextIndex(), context.bedrockLatent(),
 *             context.bedrockNoise());
 *         return latent.mul(context.regionMask()).add(known.mul(context.regionMask().neg().add(1)));
 *       }
 *     };
 *   }
 * }
 * }</pre>
 */
public interface ConditioningBranch {

  /** Prepares this branch for one edit (e.g. inverts the bedrock, learns or loads the subject's tokens). */
  BranchRun start(BranchContext context);
}
