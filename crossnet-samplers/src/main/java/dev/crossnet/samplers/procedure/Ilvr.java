package dev.crossnet.samplers.procedure;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.Denoiser;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;

/**
 * ILVR (Choi et al. 2021): after every step, swap the low frequencies of the sample for those of the
 * reference noised to the same level, x <- x' - phi_N(x') + phi_N(y). With a mask the swap happens only where
 * the mask is 1 (x' is kept where it is 0; soft masks blend).
 *
 * <pre>{@code
 * Ilvr ilvr = new Ilvr(new LowPassFilter(8, LowPassFilter.Upsampling.BILINEAR), null);
 * NDArray out = ilvr.run(sampler, sampler.plan(50), unet, reference, NoiseSource.seeded(1));
 * }</pre>
 */
public final class Ilvr {

  private final LowPassFilter filter;
  private final NDArray mask;

  /**
   * @param filter phi_N
   * @param mask where to condition, broadcastable to the sample (1 = follow the reference), or null for
   *     everywhere; the caller keeps ownership
   */
  public Ilvr(LowPassFilter filter, NDArray mask) {
    this.filter = filter;
    this.mask = mask;
  }

  /**
   * Samples from pure noise, conditioned on {@code reference} (the clean target, shaped like a sample). The
   * result is created in the reference's manager.
   */
  public NDArray run(Sampler sampler, SamplerPlan plan, Denoiser model, NDArray reference, NoiseSource noise) {
    NDManager home = reference.getManager();
    NDArray start;
    try (NDArray z = noise.next(home, reference.getShape())) {
      start = z.mul(plan.initNoiseSigma());
    }
    try (DenoisingState state = new DenoisingState(home, start)) {
      for (int i = 0; i < plan.size(); i++) {
        int next = i + 1;
        state.step(sampler, plan, i, model, noise, x -> guide(sampler, plan, next, x, reference, noise));
      }
      return state.release();
    }
  }

  /** x' - phi(x') + phi(y), y the reference at the level of plan index {@code next} (clean at the end). */
  private NDArray guide(Sampler sampler, SamplerPlan plan, int next, NDArray x, NDArray reference,
      NoiseSource noise) {
    NDManager scope = x.getManager();
    NDArray y;
    if (next < plan.size()) {
      try (NDArray z = noise.next(scope, reference.getShape())) {
        y = sampler.addNoise(plan, next, reference, z);
      }
    } else {
      y = reference;
    }
    try (NDArray lowX = filter.apply(x); NDArray correction = filter.apply(y)) {
      if (y != reference) {
        y.close();
      }
      correction.subi(lowX);
      if (mask != null) {
        correction.muli(mask);
      }
      return x.add(correction);
    }
  }
}
