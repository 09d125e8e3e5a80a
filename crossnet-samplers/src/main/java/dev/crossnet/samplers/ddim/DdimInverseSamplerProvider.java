package dev.crossnet.samplers.ddim;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.samplers.config.SchedulerConfig;

/** The "ddim-inversion" sampler plugin: DDIM inversion from a clean sample to noise, as diffusers' DDIMInverseScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class DdimInverseSamplerProvider implements SamplerProvider {

  @Override
  public String name() {
    return "ddim-inversion";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String description() {
    return "DDIM inversion from a clean sample to noise, as diffusers' DDIMInverseScheduler";
  }

  @Override
  public Sampler create(PluginConfig config) {
    return new DdimInverseSampler(SchedulerConfig.from(config, SchedulerConfig.Defaults.DDIM));
  }
}
