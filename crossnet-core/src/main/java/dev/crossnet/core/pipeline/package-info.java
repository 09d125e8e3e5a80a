/**
 * The diffusion runtime's pipelines: the one denoising loop (guidance, branches, progress, cancellation, memory
 * scopes) and the model roles it drives (noise predictor, text encoder, latent codec).
 */
package dev.crossnet.core.pipeline;
