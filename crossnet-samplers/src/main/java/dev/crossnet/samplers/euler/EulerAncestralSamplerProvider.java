package dev.crossnet.samplers.euler;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.samplers.config.SchedulerConfig;

/** The "euler-ancestral" sampler plugin: Euler ancestral, as diffusers' EulerAncestralDiscreteScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class EulerAncestralSamplerProvider implements SamplerProvider {

  @Override
  public String name() {
    return "euler-ancestral";
  }

  @Override
  public int order() {
    return 60;
  }

  @Override
  public String description() {
    return "Euler ancestral, as diffusers' EulerAncestralDiscreteScheduler";
  }

  @Override
  public Sampler create(PluginConfig config) {
    return new EulerAncestralSampler(SchedulerConfig.from(config, SchedulerConfig.Defaults.EULER));
  }
}
