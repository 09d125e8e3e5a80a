package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tensors held in memory by name. The first {@link #load} of a tensor hands the array itself over to the
 * requesting manager (no copy, so a model built from generated weights does not need twice their memory);
 * later loads of the same name return copies. Floating-point tensors are delivered as float32.
 */
public final class MemoryTensorStore implements TensorStore {

  private final Path source;
  private final Map<String, NDArray> tensors;
  private final Set<String> handedOver = new HashSet<>();

  /** A store over the arrays (the map's order is the store's order). */
  public MemoryTensorStore(Path source, Map<String, NDArray> tensors) {
    this.source = source;
    this.tensors = new LinkedHashMap<>(tensors);
  }

  /**
   * Reads a whole file that {@code NDList.decode} understands (safetensors up to 2 GiB, DJL's own format),
   * keeping the array names.
   */
  public static MemoryTensorStore read(Path file, NDManager manager) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new WeightsException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
    NDList list;
    try {
      list = NDList.decode(manager, bytes);
    } catch (RuntimeException e) {
      throw new WeightsException("cannot decode checkpoint " + file
          + " (expected safetensors under 2 GiB): " + e.getMessage(), e);
    }
    Map<String, NDArray> map = new LinkedHashMap<>();
    for (NDArray a : list) {
      if (a.getName() == null || map.put(a.getName(), a) != null) {
        throw new WeightsException(file + ": a tensor without a name or a duplicate name '" + a.getName() + "'");
      }
    }
    return new MemoryTensorStore(file, map);
  }

  @Override
  public Path source() {
    return source;
  }

  @Override
  public Set<String> names() {
    return Collections.unmodifiableSet(tensors.keySet());
  }

  @Override
  public TensorInfo info(String name) {
    NDArray a = get(name);
    return new TensorInfo(name, a.getDataType(), a.getShape());
  }

  @Override
  public NDArray load(String name, NDManager manager) {
    NDArray a = get(name);
    if (a.getDataType().isFloating() && a.getDataType() != DataType.FLOAT32) {
      NDArray f = a.toType(DataType.FLOAT32, true);
      f.attach(manager);
      return f;
    }
    if (handedOver.add(name)) {
      a.attach(manager);
      return a;
    }
    NDArray copy = a.duplicate();
    copy.attach(manager);
    return copy;
  }

  /** The raw arrays (for tests and tools that write checkpoints). */
  public Map<String, NDArray> arrays() {
    return Collections.unmodifiableMap(tensors);
  }

  private NDArray get(String name) {
    NDArray a = tensors.get(name);
    if (a == null) {
      throw new WeightsException(source + ": no tensor '" + name + "'");
    }
    return a;
  }

  /** Arrays not handed over are freed with their own managers; nothing to release here. */
  @Override
  public void close() {}
}
