package dev.crossnet.samplers.dpm;

import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.SchedulerSamplerProvider;

/** The "dpmpp-2m" sampler plugin: DPM-Solver++ 2M (multistep, midpoint), as diffusers' DPMSolverMultistepScheduler. Reads diffusers' scheduler settings ({@link SchedulerConfig}). */
public final class DpmSolverPlusPlus2mSamplerProvider extends SchedulerSamplerProvider {

  public DpmSolverPlusPlus2mSamplerProvider() {
    super("dpmpp-2m", 40, "DPM-Solver++ 2M (multistep, midpoint), as diffusers' DPMSolverMultistepScheduler",
        SchedulerConfig.Defaults.DPM_SOLVER, DpmSolverPlusPlus2mSampler::new);
  }
}
