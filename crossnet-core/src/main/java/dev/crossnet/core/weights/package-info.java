/**
 * Checkpoint tensors: the {@link dev.crossnet.core.weights.TensorStore} abstraction over safetensors files,
 * sharded folders and memory, the safetensors writer, and the binder that matches checkpoint names to a model.
 */
package dev.crossnet.core.weights;
