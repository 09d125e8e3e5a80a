package dev.crossnet.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * Maps a diffusers scheduler class (the {@code _class_name} of {@code scheduler_config.json}) to the sampler
 * plugin that computes the same steps, so a checkpoint's own scheduler is the default sampler.
 */
public final class SchedulerClasses {

  private static final Map<String, String> SAMPLERS = Map.of(
      "DDPMScheduler", "ddpm",
      "DDIMScheduler", "ddim",
      "DDIMInverseScheduler", "ddim-inversion",
      "DPMSolverMultistepScheduler", "dpmpp-2m",
      "EulerDiscreteScheduler", "euler",
      "EulerAncestralDiscreteScheduler", "euler-ancestral");

  private SchedulerClasses() {}

  /** The sampler name for a scheduler class, or empty for classes CrossNet has no sampler for (e.g. PNDM). */
  public static Optional<String> samplerFor(String schedulerClass) {
    return Optional.ofNullable(SAMPLERS.get(schedulerClass));
  }

  /** The diffusers scheduler class written for a sampler, or empty when the sampler has none. */
  public static Optional<String> classFor(String sampler) {
    return SAMPLERS.entrySet().stream().filter(e -> e.getValue().equals(sampler)).map(Map.Entry::getKey)
        .findFirst();
  }
}
