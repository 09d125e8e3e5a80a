package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.edit.RecordedRun;
import java.util.Map;

/**
 * Outside the region everything comes from the bedrock: after every step the known part is replaced by the
 * bedrock noised to the sample's new level (clean after the last step), as RePaint does. Options
 * ({@code branch.region.*}) that the runtime applies with this branch: {@code jump-length} (10) and
 * {@code jump-count} (1 = no resampling) for RePaint's resampling, {@code feather} (pixels; default
 * {@link #defaultFeather(int)}), the softening of the final composite that puts the bedrock's own pixels back
 * outside the region, and {@code seam}, where that softening lies: {@code inside} the region (the default: every
 * pixel outside the region is the bedrock's, bit for bit, and the result fades into the bedrock over about
 * {@code 2 * feather} pixels inside its edge) or {@code outside} it (the region is fully the result's and the fade
 * reaches about {@code 2 * feather} pixels beyond its edge).
 */
public final class RegionBranch extends StatelessBranch {

  public static final String NAME = "region";
  /** The {@code seam} value that keeps every pixel outside the region as the bedrock's. */
  public static final String SEAM_INSIDE = "inside";
  /** The {@code seam} value that lets the fade reach beyond the region's edge. */
  public static final String SEAM_OUTSIDE = "outside";

  /**
   * The feather radius an edit of a picture {@code width} pixels wide uses unless told: 2 pixels, 1 below 64. The
   * fade reaches about twice as far, so an occupant's outline just inside the region's edge does not show through.
   */
  public static int defaultFeather(int width) {
    return Math.max(1, Math.min(2, width / 32));
  }

  /** The checked {@code seam} option of {@code options} ({@code branch.region.*}); inside by default. */
  public static String seam(PluginConfig options) {
    String seam = options.getString("seam", SEAM_INSIDE);
    if (!seam.equals(SEAM_INSIDE) && !seam.equals(SEAM_OUTSIDE)) {
      throw new IllegalArgumentException("branch.region.seam is '" + seam + "'; use inside (every pixel outside the "
          + "region stays the bedrock's) or outside (the fade into the bedrock reaches beyond the region's edge)");
    }
    return seam;
  }

  public RegionBranch() {
    super(NAME, 200, "known-region merge after every step (RePaint) and a feathered composite of the original pixels",
        OptionKeys.of("feather", "seam", "jump-length", "jump-count"));
  }

  @Override
  public BranchRun start(BranchContext c) {
    seam(c.options()); // a wrong value fails here, before any model work, not at the composite
    NDArray inside = c.regionMask();
    NDArray outside = inside.neg().add(1);
    NDArray bedrock = c.bedrockLatent();
    return new RecordedRun() {
      @Override
      public NDArray afterStep(StepView step, NDArray latent) {
        NDArray known;
        if (step.nextIndex() < step.plan().size()) {
          try (NDArray z = c.noise().next(latent.getManager(), bedrock.getShape())) {
            known = step.sampler().addNoise(step.plan(), step.nextIndex(), bedrock, z);
          }
          known.attach(latent.getManager());
        } else {
          known = bedrock.duplicate();
          known.attach(latent.getManager());
        }
        // products, not x + m (known - x): with a 0/1 mask the known cells come out bit-exact
        return known.muli(outside).addi(latent.mul(inside));
      }

      @Override
      public Map<String, String> record() {
        return Map.of("merge", "after every step");
      }

      @Override
      public void close() {
        outside.close();
      }
    };
  }
}
