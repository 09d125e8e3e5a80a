package dev.crossnet.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.weights.TensorStore;
import dev.crossnet.core.weights.WeightsException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Presents a checkpoint under other names, e.g. the pre-0.14 diffusers VAE attention names mapped to the
 * current ones. Two stored names that map to one name are an error naming both.
 */
public final class RenamingTensorStore implements TensorStore {

  private final TensorStore inner;
  private final Map<String, String> toStored = new LinkedHashMap<>();

  public RenamingTensorStore(TensorStore inner, UnaryOperator<String> rename) {
    this.inner = inner;
    for (String stored : inner.names()) {
      String renamed = rename.apply(stored);
      String previous = toStored.put(renamed, stored);
      if (previous != null) {
        throw new WeightsException(inner.source() + ": tensors '" + previous + "' and '" + stored
            + "' both stand for '" + renamed + "'; keep only one of them in the checkpoint");
      }
    }
  }

  @Override
  public Path source() {
    return inner.source();
  }

  @Override
  public Set<String> names() {
    return Collections.unmodifiableSet(toStored.keySet());
  }

  @Override
  public TensorInfo info(String name) {
    TensorInfo i = inner.info(stored(name));
    return new TensorInfo(name, i.storedType(), i.shape());
  }

  @Override
  public NDArray load(String name, NDManager manager) {
    return inner.load(stored(name), manager);
  }

  private String stored(String name) {
    String s = toStored.get(name);
    if (s == null) {
      throw new WeightsException(inner.source() + ": no tensor '" + name + "'");
    }
    return s;
  }

  /** The caller closes the inner store. */
  @Override
  public void close() {}
}
