/**
 * Checkpoint tensors: the {@link dev.crossnet.core.weights.TensorStore} abstraction, safetensors files and
 * the binder that matches a checkpoint's names to a model's parameters.
 */
package dev.crossnet.core.weights;
