package dev.crossnet.samplers.euler;

import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.SchedulerSamplerProvider;

/** The "euler-ancestral" sampler plugin: Euler ancestral, as diffusers' EulerAncestralDiscreteScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class EulerAncestralSamplerProvider extends SchedulerSamplerProvider {

  public EulerAncestralSamplerProvider() {
    super("euler-ancestral", 60, "Euler ancestral, as diffusers' EulerAncestralDiscreteScheduler",
        SchedulerConfig.Defaults.EULER, EulerAncestralSampler::new);
  }
}
