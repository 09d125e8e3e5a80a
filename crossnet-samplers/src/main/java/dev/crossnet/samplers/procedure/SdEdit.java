package dev.crossnet.samplers.procedure;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import java.util.function.UnaryOperator;

/**
 * SDEdit (Meng et al. 2022): noise the input to the level of strength t0 with the forward process, then
 * denoise from there. Strength 1 starts from (almost) pure noise; small strengths keep the input's layout.
 *
 * <pre>{@code
 * NDArray edited = new SdEdit(0.6).run(sampler, sampler.plan(50), unet, latents, NoiseSource.seeded(7));
 * }</pre>
 */
public final class SdEdit {

  private final double strength;

  /** @param strength in (0, 1]: the share of the plan's steps to run, as diffusers' img2img pipelines */
  public SdEdit(double strength) {
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("SDEdit strength must lie in (0, 1], got " + strength);
    }
    this.strength = strength;
  }

  /**
   * Edits {@code input}; the result is created in the input's manager, which also hosts every step (each in
   * its own child manager, freed as soon as the step is done).
   */
  public NDArray run(Sampler sampler, SamplerPlan plan, Denoiser model, NDArray input, NoiseSource noise) {
    int start = plan.startIndex(strength);
    NDArray noised;
    try (NDArray z = noise.next(input.getManager(), input.getShape())) {
      noised = sampler.addNoise(plan, start, input, z);
    }
    try (DenoisingState state = new DenoisingState(input.getManager(), noised)) {
      for (int i = start; i < plan.size(); i++) {
        state.step(sampler, plan, i, model, noise, UnaryOperator.identity());
      }
      return state.release();
    }
  }
}
