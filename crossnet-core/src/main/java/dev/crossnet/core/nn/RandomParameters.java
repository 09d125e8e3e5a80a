package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates a model's weights from a seed, for benchmarks and tests: biases zero, 1-D weights (norm
 * scales) one, other weights normal with standard deviation 1/sqrt(fan-in) so activations stay bounded.
 */
public final class RandomParameters implements ParameterSource {

  private final NDManager manager;
  private final Map<String, NDArray> made = new LinkedHashMap<>();

  private RandomParameters(NDManager manager) {
    this.manager = manager;
  }

  /**
   * Runs a model constructor once against generated weights and returns them as a store, so that the
   * model can then be built through a {@code WeightBinder} like any checkpoint.
   *
   * @param construct builds the model from a parameter source (the built object is discarded)
   */
  public static MemoryTensorStore store(Consumer<ParameterSource> construct, long seed, NDManager manager) {
    manager.getEngine().setRandomSeed((int) seed);
    RandomParameters r = new RandomParameters(manager);
    construct.accept(r);
    return new MemoryTensorStore(Path.of("random-seed-" + seed), r.made);
  }

  @Override
  public NDArray take(String name, Shape shape) {
    NDArray a;
    if (name.endsWith("bias")) {
      a = manager.zeros(shape);
    } else if (shape.dimension() == 1) {
      a = manager.ones(shape);
    } else {
      long fanIn = shape.size() / shape.get(0);
      a = manager.randomNormal(0f, (float) (1.0 / Math.sqrt(fanIn)), shape, ai.djl.ndarray.types.DataType.FLOAT32);
    }
    a.setName(name);
    made.put(name, a);
    return a;
  }
}
