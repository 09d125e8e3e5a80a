package dev.crossnet.samplers.ddim;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.samplers.config.SchedulerConfig;

/** The "ddim" sampler plugin: DDIM with eta, as diffusers' DDIMScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class DdimSamplerProvider implements SamplerProvider {

  @Override
  public String name() {
    return "ddim";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String description() {
    return "DDIM with eta, as diffusers' DDIMScheduler";
  }

  @Override
  public Sampler create(PluginConfig config) {
    return new DdimSampler(SchedulerConfig.from(config, SchedulerConfig.Defaults.DDIM));
  }
}
