package dev.crossnet.api.sampler;

import ai.djl.ndarray.NDArray;

/**
 * The model as a sampler-driven procedure sees it: a forward pass from the (already scaled) sample and its
 * timestep to the model's prediction (epsilon, v or x_0, as the sampler's configuration says).
 *
 * <pre>{@code
 * Denoiser toy = (x, t) -> x.mul(0.1);
 * }</pre>
 *
 * <p>The prediction must be created in the manager of {@code scaledSample} (any op on it does that).
 */
@FunctionalInterface
public interface Denoiser {

  /**
   * @param scaledSample the sample after {@link Sampler#scaleModelInput}
   * @param timestep the model timestep, {@link SamplerPlan#timestep(int)} (may be fractional for Euler)
   */
  NDArray predict(NDArray scaledSample, double timestep);
}
