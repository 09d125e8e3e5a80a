package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tensors held in memory under their checkpoint names, for models built or trained in the process.
 * {@link #load} hands out copies (floating types as float32), so the caller may close or modify them.
 * The store does not own the arrays it was given.
 */
public final class MemoryTensorStore implements TensorStore {

  private final Path source;
  private final Map<String, NDArray> tensors;

  /** A store over these arrays; {@code source} only labels error messages. */
  public MemoryTensorStore(Path source, Map<String, NDArray> tensors) {
    this.source = source;
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  @Override
  public Path source() {
    return source;
  }

  @Override
  public Set<String> names() {
    return tensors.keySet();
  }

  @Override
  public TensorInfo info(String name) {
    NDArray a = array(name);
    return new TensorInfo(name, a.getDataType(), a.getShape());
  }

  @Override
  public NDArray load(String name, NDManager manager) {
    NDArray a = array(name);
    DataType target = a.getDataType().isFloating() ? DataType.FLOAT32 : a.getDataType();
    NDArray copy = target == a.getDataType() ? a.duplicate() : a.toType(target, true);
    copy.attach(manager);
    return copy;
  }

  private NDArray array(String name) {
    NDArray a = tensors.get(name);
    if (a == null) {
      throw new WeightsException(source + ": no tensor named '" + name + "'");
    }
    return a;
  }

  /** Leaves the arrays alone: their manager owns them. */
  @Override
  public void close() {}
}
