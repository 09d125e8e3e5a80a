package dev.crossnet.core.model;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.weights.MemoryTensorStore;
import dev.crossnet.core.weights.TensorStore;
import java.nio.file.Path;

/**
 * Opens a model folder's weights file as a {@link TensorStore}. The default reads the whole file into memory
 * (safetensors under 2 GiB); pass a memory-mapped store's opener for full-size checkpoints.
 */
@FunctionalInterface
public interface WeightsOpener {

  /** Reads the file with {@code NDList.decode}: fine for small models and tests, limited to 2 GiB. */
  WeightsOpener IN_MEMORY = MemoryTensorStore::read;

  /** Opens the file; arrays the store loads eagerly may live in the manager. */
  TensorStore open(Path file, NDManager manager);
}
