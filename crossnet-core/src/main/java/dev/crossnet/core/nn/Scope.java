package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Runs a piece of a forward pass in a child manager: the inputs are lent to it (they go back to their
 * own manager on close), every intermediate is freed on close, and only what {@link #keep} returns
 * survives, attached to the first input's manager. Native memory is never left to the garbage collector.
 *
 * <pre>{@code
 * try (Scope s = Scope.of(x, temb)) {
 *   return s.keep(x.add(f(x, temb)));
 * }
 * }</pre>
 */
public final class Scope implements AutoCloseable {

  private final NDManager parent;
  private final NDManager child;
  private final Set<NDArray> lent = Collections.newSetFromMap(new IdentityHashMap<>());

  private Scope(NDManager parent, List<NDArray> inputs) {
    this.parent = parent;
    this.child = parent.newSubManager();
    for (NDArray input : inputs) {
      if (lent.add(input)) {
        child.tempAttachAll(input);
      }
    }
  }

  /** Opens a scope over the non-null inputs; results are kept in the first input's manager. */
  public static Scope of(NDArray... inputs) {
    List<NDArray> present = new ArrayList<>();
    for (NDArray a : inputs) {
      if (a != null) {
        present.add(a);
      }
    }
    if (present.isEmpty()) {
      throw new IllegalArgumentException("a scope needs at least one input array");
    }
    return new Scope(present.get(0).getManager(), present);
  }

  /**
   * Lends more arrays to the scope (e.g. keys a hook keeps in its own manager), so that what is computed
   * from them is freed with the scope rather than registered with their owner. Arrays already in the scope
   * are left alone.
   */
  public void borrow(NDArray... arrays) {
    for (NDArray a : arrays) {
      if (a != null && a.getManager() != child && lent.add(a)) {
        child.tempAttachAll(a);
      }
    }
  }

  /** The child manager, for arrays created from scratch inside the scope. */
  public NDManager manager() {
    return child;
  }

  /** Moves a result out of the scope into the caller's manager. */
  public NDArray keep(NDArray result) {
    if (!lent.contains(result)) {
      result.attach(parent);
    }
    return result;
  }

  @Override
  public void close() {
    child.close();
  }
}
