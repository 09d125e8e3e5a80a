package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.core.edit.RecordedRun;
import java.util.Map;

/**
 * Outside the region everything comes from the bedrock: after every step the known part is replaced by the
 * bedrock noised to the sample's new level (clean after the last step), as RePaint does. Options
 * ({@code branch.region.*}) that the runtime applies with this branch: {@code jump-length} (10) and
 * {@code jump-count} (1 = no resampling) for RePaint's resampling, and {@code feather} (pixels; default
 * width / 32, at least 1), the softening of the final composite that puts the bedrock's own pixels back
 * outside the region.
 */
public final class RegionBranch extends StatelessBranch {

  public static final String NAME = "region";

  public RegionBranch() {
    super(NAME, 200, "known-region merge after every step (RePaint) and a feathered composite of the original pixels",
        OptionKeys.of("feather", "jump-length", "jump-count"));
  }

  @Override
  public BranchRun start(BranchContext c) {
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
