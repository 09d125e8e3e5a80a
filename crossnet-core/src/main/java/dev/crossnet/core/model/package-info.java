/**
 * Diffusion models as folders in the Hugging Face diffusers layout ({@code model_index.json} and one folder
 * per component), loaded and saved with one call.
 */
package dev.crossnet.core.model;
