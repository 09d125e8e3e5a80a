package dev.crossnet.api.sampler;

import ai.djl.ndarray.NDArray;

/**
 * A diffusion sampler (a "scheduler" in diffusers' words). It holds no mutable state: timesteps are planned
 * once into an immutable {@link SamplerPlan}, and a step is a pure function of (plan, index, model output,
 * sample, noise source, solver history), so one instance can serve many threads.
 *
 * <p>The denoising loop (owned by the runtime, never by a sampler) runs:
 *
 * <pre>{@code
 * SamplerPlan plan = sampler.plan(50);
 * NDArray x = noise.next(manager, shape).mul(plan.initNoiseSigma());
 * SolverHistory history = SolverHistory.EMPTY;
 * for (int i = 0; i < plan.size(); i++) {
 *   NDArray eps = model.predict(sampler.scaleModelInput(plan, i, x), plan.timestep(i));
 *   StepResult r = sampler.step(plan, i, eps, x, noise, history);
 *   x = r.prevSample();
 *   history = r.history();
 * }
 * }</pre>
 *
 * <p>Arrays a step returns are created in the manager of {@code sample}; the caller decides their lifetime.
 */
public interface Sampler {

  /** The noise schedule this sampler was configured with. */
  NoiseSchedule schedule();

  /** Plans {@code steps} denoising steps over the whole schedule (from pure noise to the clean sample). */
  SamplerPlan plan(int steps);

  /** Scales the sample before it is fed to the model (identity for DDPM/DDIM, 1/sqrt(sigma^2+1) for Euler). */
  NDArray scaleModelInput(SamplerPlan plan, int index, NDArray sample);

  /**
   * One step: from the sample at {@code plan.timestep(index)} and the model's output for it, the sample at
   * the next timestep of the plan.
   *
   * @param noise where stochastic samplers draw their noise; deterministic ones never call it
   * @param history what earlier steps of this run left for multi-step solvers ({@link SolverHistory#EMPTY}
   *     at the first step)
   */
  StepResult step(SamplerPlan plan, int index, NDArray modelOutput, NDArray sample, NoiseSource noise,
      SolverHistory history);

  /**
   * The forward process: {@code original} noised to the plan's timestep {@code index}, as this sampler's
   * samples at that index are scaled (sqrt(abar) x0 + sqrt(1-abar) eps for DDPM-type samplers, x0 + sigma eps
   * for Euler-type ones).
   */
  NDArray addNoise(SamplerPlan plan, int index, NDArray original, NDArray noise);
}
