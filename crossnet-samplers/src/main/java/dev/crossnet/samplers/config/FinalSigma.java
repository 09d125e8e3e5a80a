package dev.crossnet.samplers.config;

import java.util.Locale;

/** The noise level a sigma-based sampler ends at (diffusers' {@code final_sigmas_type}). */
public enum FinalSigma {
  /** End at the clean sample. */
  ZERO,
  /** End at the level of training timestep 0. */
  SIGMA_MIN;

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
