package dev.crossnet.api.branch;

import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;

/**
 * Where the loop is: the sampler and its plan, and the index of the step that just ran (or, before the
 * first step, the index the loop starts at).
 *
 * @param sampler the edit's sampler
 * @param plan the planned timesteps
 * @param index the step index; {@code index + 1} is the index the sample now belongs to after a step
 * @param startIndex the index the loop started at (below zero never; SDEdit-style edits start later)
 */
public record StepView(Sampler sampler, SamplerPlan plan, int index, int startIndex) {

  /** True after the last step of the plan. */
  public boolean isLast() {
    return index == plan.size() - 1;
  }

  /** The plan index the sample belongs to after this step. */
  public int nextIndex() {
    return index + 1;
  }
}
