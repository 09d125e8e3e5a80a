package dev.crossnet.samplers.ddim;

import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.SchedulerSamplerProvider;

/** The "ddim" sampler plugin: DDIM with eta, as diffusers' DDIMScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class DdimSamplerProvider extends SchedulerSamplerProvider {

  public DdimSamplerProvider() {
    super("ddim", 20, "DDIM with eta, as diffusers' DDIMScheduler",
        SchedulerConfig.Defaults.DDIM, DdimSampler::new);
  }
}
