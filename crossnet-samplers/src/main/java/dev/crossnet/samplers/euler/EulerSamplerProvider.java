package dev.crossnet.samplers.euler;

import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.SchedulerSamplerProvider;

/** The "euler" sampler plugin: Euler on the probability-flow ODE, as diffusers' EulerDiscreteScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class EulerSamplerProvider extends SchedulerSamplerProvider {

  public EulerSamplerProvider() {
    super("euler", 50, "Euler on the probability-flow ODE, as diffusers' EulerDiscreteScheduler",
        SchedulerConfig.Defaults.EULER, EulerSampler::new);
  }
}
