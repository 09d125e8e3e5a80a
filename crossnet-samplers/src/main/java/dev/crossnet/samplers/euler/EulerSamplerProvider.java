package dev.crossnet.samplers.euler;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.samplers.config.SchedulerConfig;

/** The "euler" sampler plugin: Euler on the probability-flow ODE, as diffusers' EulerDiscreteScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class EulerSamplerProvider implements SamplerProvider {

  @Override
  public String name() {
    return "euler";
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public String description() {
    return "Euler on the probability-flow ODE, as diffusers' EulerDiscreteScheduler";
  }

  @Override
  public Sampler create(PluginConfig config) {
    return new EulerSampler(SchedulerConfig.from(config, SchedulerConfig.Defaults.EULER));
  }
}
