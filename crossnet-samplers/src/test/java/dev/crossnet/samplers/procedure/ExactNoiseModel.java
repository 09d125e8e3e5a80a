package dev.crossnet.samplers.procedure;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.SamplerPlan;
import java.util.HashMap;
import java.util.Map;

/**
 * A perfect epsilon model for a world with one clean sample x0: from the scaled sample
 * s = sqrt(abar) x0 + sqrt(1 - abar) eps it returns eps exactly, abar being the plan's level at the timestep.
 * Counts its calls.
 */
final class ExactNoiseModel implements Denoiser {

  private final NDArray x0;
  private final Map<Double, Double> alphaByTimestep = new HashMap<>();
  int calls;

  ExactNoiseModel(NDArray x0, SamplerPlan plan) {
    this.x0 = x0;
    for (int i = 0; i < plan.size(); i++) {
      double sigma = plan.sigma(i);
      alphaByTimestep.put(plan.timestep(i), 1 / (1 + sigma * sigma));
    }
  }

  @Override
  public NDArray predict(NDArray scaledSample, double timestep) {
    calls++;
    double alpha = alphaByTimestep.get(timestep);
    try (NDArray signal = x0.mul(Math.sqrt(alpha))) {
      NDArray eps = scaledSample.sub(signal);
      return eps.divi(Math.sqrt(1 - alpha));
    }
  }
}
