package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Set;

/**
 * Named tensors read on demand from a checkpoint (a safetensors file, a folder of them, or memory).
 * Floating-point tensors are delivered as float32 whatever their stored type.
 */
public interface TensorStore extends AutoCloseable {

  /** Where the tensors come from, for error messages. */
  Path source();

  /**
   * The file holding one tensor, for error messages: {@link #source()} unless the store spans several
   * files (sharded checkpoints).
   */
  default Path sourceOf(String name) {
    return source();
  }

  /** Every tensor name, in a stable order. */
  Set<String> names();

  /** Stored type and shape of one tensor; fails naming the tensor and the source when absent. */
  TensorInfo info(String name);

  /** Loads one tensor into the manager (float types as float32). */
  NDArray load(String name, NDManager manager);

  @Override
  void close();

  /** Stored type and shape of a tensor. */
  record TensorInfo(String name, DataType storedType, Shape shape) {}
}
