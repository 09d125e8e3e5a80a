package dev.crossnet.samplers.ddim;

import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.SchedulerSamplerProvider;

/** The "ddim-inversion" sampler plugin: DDIM inversion from a clean sample to noise, as diffusers' DDIMInverseScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class DdimInverseSamplerProvider extends SchedulerSamplerProvider {

  public DdimInverseSamplerProvider() {
    super("ddim-inversion", 30, "DDIM inversion from a clean sample to noise, as diffusers' DDIMInverseScheduler",
        SchedulerConfig.Defaults.DDIM, DdimInverseSampler::new);
  }
}
