package dev.crossnet.samplers.ddpm;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.SchedulerSamplerProvider;

/**
 * The "ddpm" sampler plugin. Reads diffusers' DDPMScheduler settings; {@code variance_type} must be
 * {@code fixed_small} (the default), the one variance CrossNet implements.
 */
public final class DdpmSamplerProvider extends SchedulerSamplerProvider {

  public DdpmSamplerProvider() {
    super("ddpm", 10, "DDPM ancestral sampling (variance fixed_small), as diffusers' DDPMScheduler",
        SchedulerConfig.Defaults.DDPM, DdpmSampler::new);
  }

  @Override
  public Sampler create(PluginConfig config) {
    String variance = config.getString("variance_type", "fixed_small");
    if (!variance.equals("fixed_small")) {
      throw new IllegalArgumentException("config key 'variance_type' has the unsupported value '" + variance
          + "'; use one of: fixed_small");
    }
    return super.create(config);
  }
}
