package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hands a model's constructors the tensors they ask for by their checkpoint names, checking shapes, and
 * at the end reports tensors that were asked for but missing and tensors the checkpoint has that nobody
 * used. Every message names the checkpoint file and the tensor.
 */
public final class WeightBinder {

  private final TensorStore store;
  private final NDManager manager;
  private final Set<String> used = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> nonFinite = new ArrayList<>();

  public WeightBinder(TensorStore store, NDManager manager) {
    this.store = store;
    this.manager = manager;
  }

  public NDManager manager() {
    return manager;
  }

  public TensorStore store() {
    return store;
  }

  public boolean has(String name) {
    return store.names().contains(name);
  }

  /**
   * The tensor of that name with the expected shape. A missing tensor or a wrong shape is recorded and
   * reported by {@link #finish()}; in that case a zero tensor of the expected shape stands in so that
   * construction can go on and every problem is reported at once.
   */
  public NDArray take(String name, Shape expected) {
    used.add(name);
    if (!store.names().contains(name)) {
      problems.add("missing tensor '" + name + "' (expected shape " + expected + ")");
      return manager.zeros(expected);
    }
    Shape actual = store.info(name).shape();
    if (!actual.equals(expected)) {
      problems.add("tensor '" + name + "'" + where(name) + " has shape " + actual
          + " but the model config needs " + expected);
      return manager.zeros(expected);
    }
    return checked(name, store.load(name, manager));
  }

  /** The tensor of that name whatever its shape (when the shape is not known in advance). */
  public NDArray take(String name) {
    used.add(name);
    if (!store.names().contains(name)) {
      throw new WeightsException(store.source() + ": missing tensor '" + name + "'");
    }
    return checked(name, store.load(name, manager));
  }

  /** Records a tensor holding NaN or infinite values, to be reported by {@link #finish()}. */
  private NDArray checked(String name, NDArray tensor) {
    NonFiniteValues.describe(tensor).ifPresent(d -> nonFinite.add("tensor '" + name + "'" + where(name) + " " + d));
    return tensor;
  }

  /** " (in shard-file)" when the tensor lives in another file than the store's own source. */
  private String where(String name) {
    Path file = store.sourceOf(name);
    return file.equals(store.source()) ? "" : " (in " + file + ")";
  }

  /** Marks a tensor as deliberately ignored (e.g. buffers that are recomputed). */
  public void ignore(String name) {
    used.add(name);
  }

  /**
   * Throws one {@link WeightsException} listing every tensor holding NaN or infinite values, or every missing,
   * mis-shaped and unused tensor, or returns when the checkpoint matched the model exactly.
   */
  public void finish() {
    if (!nonFinite.isEmpty()) {
      throw new WeightsException(store.source() + " holds weights that are not finite numbers: "
          + String.join("; ", nonFinite) + ". A model with such weights draws black or noise; the file is damaged "
          + "or was saved from a diverged training run: download or export it again");
    }
    List<String> all = new ArrayList<>(problems);
    Set<String> extra = new TreeSet<>(store.names());
    extra.removeAll(used);
    for (String name : extra) {
      all.add("unexpected tensor '" + name + "'" + where(name) + " " + store.info(name).shape()
          + " (not part of this model's config: wrong config.json, or a checkpoint of another model?)");
    }
    if (!all.isEmpty()) {
      throw new WeightsException(store.source() + " does not match the model config: "
          + String.join("; ", all));
    }
  }
}
