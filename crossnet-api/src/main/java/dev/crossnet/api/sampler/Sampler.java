package dev.crossnet.api.sampler;

/**
 * A diffusion sampler (a "scheduler" in diffusers' words). It holds no mutable state: timesteps are planned
 * once into an immutable plan, and a step is a pure function of (plan, index, model output, sample, noise
 * source, solver history), so one instance can serve many threads.
 */
public interface Sampler {}
