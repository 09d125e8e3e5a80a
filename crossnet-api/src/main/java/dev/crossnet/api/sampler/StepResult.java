package dev.crossnet.api.sampler;

import ai.djl.ndarray.NDArray;

/**
 * What one sampler step produced.
 *
 * @param prevSample the sample at the next timestep of the plan (x_{t-1})
 * @param predictedOriginal the step's estimate of the clean sample (x_0), used by guidance and previews
 * @param history what the next step of a multi-step solver needs
 */
public record StepResult(NDArray prevSample, NDArray predictedOriginal, SolverHistory history) {}
