package dev.crossnet.samplers.dpm;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.samplers.config.SchedulerConfig;

/** The "dpmpp-2m" sampler plugin: DPM-Solver++ 2M (multistep, midpoint), as diffusers' DPMSolverMultistepScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class DpmSolverPlusPlus2mSamplerProvider implements SamplerProvider {

  @Override
  public String name() {
    return "dpmpp-2m";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public String description() {
    return "DPM-Solver++ 2M (multistep, midpoint), as diffusers' DPMSolverMultistepScheduler";
  }

  @Override
  public Sampler create(PluginConfig config) {
    return new DpmSolverPlusPlus2mSampler(SchedulerConfig.from(config, SchedulerConfig.Defaults.DPM_SOLVER));
  }
}
