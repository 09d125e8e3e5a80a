package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a model tree whose path is its checkpoint prefix (e.g. {@code down_blocks.0.resnets.1}).
 * Unlike DJL's {@code AbstractBlock}, names are kept verbatim, so {@link #namedParameters()} returns
 * exactly the keys a diffusers or transformers checkpoint uses. Parameters are plain arrays: nothing
 * requires a gradient unless a trainer asks for it.
 */
public abstract class Module {

  private final String name;
  private final Map<String, NDArray> parameters = new LinkedHashMap<>();
  private final List<Module> children = new ArrayList<>();

  protected Module(String name) {
    this.name = name;
  }

  /** The checkpoint prefix of this module; empty for a model's root. */
  public final String name() {
    return name;
  }

  /** The full name of a direct child or parameter of this module. */
  protected final String path(String local) {
    return join(name, local);
  }

  /** Joins a prefix and a local name with a dot, skipping an empty prefix. */
  public static String join(String prefix, String local) {
    return prefix.isEmpty() ? local : prefix + "." + local;
  }

  /** Takes one of this module's parameters from the source and remembers it under its full name. */
  protected final NDArray parameter(ParameterSource source, String local, long... shape) {
    String full = path(local);
    NDArray array = source.take(full, new Shape(shape));
    // Named arrays let NDList.encode write a checkpoint with the same keys.
    array.setName(full);
    parameters.put(full, array);
    return array;
  }

  /** Registers a child so that its parameters are listed with this module's. */
  protected final <M extends Module> M child(M module) {
    children.add(module);
    return module;
  }

  /**
   * Every parameter of this subtree by its checkpoint name, in construction order. The arrays are the
   * model's own: a trainer may call {@code setRequiresGradient(true)} on the ones it learns, and only those
   * then collect gradients (inference records no autograd graph because nothing else requires one).
   */
  public final Map<String, NDArray> namedParameters() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    collect(out);
    return Collections.unmodifiableMap(out);
  }

  /** This module and every module below it, depth first in construction order. */
  public final List<Module> modules() {
    List<Module> out = new ArrayList<>();
    walk(out);
    return Collections.unmodifiableList(out);
  }

  private void walk(List<Module> out) {
    out.add(this);
    for (Module c : children) {
      c.walk(out);
    }
  }

  /**
   * The stable names of every attention layer in this subtree, in forward order: the names hooks see as
   * {@link AttentionCall#layer()}.
   */
  public final List<String> attentionLayers() {
    return modules().stream().filter(m -> m instanceof Attention).map(Module::name).toList();
  }

  private void collect(Map<String, NDArray> out) {
    out.putAll(parameters);
    for (Module c : children) {
      c.collect(out);
    }
  }
}
