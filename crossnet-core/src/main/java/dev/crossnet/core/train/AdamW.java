package dev.crossnet.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.OptimizerOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW with decoupled weight decay, updating parameters in place. Its moment estimates are plain named
 * tensors so that a checkpoint can save and restore them exactly.
 */
final class AdamW {

  private final OptimizerOptions options;
  private final NDManager stateManager;
  private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();

  AdamW(OptimizerOptions options, NDManager stateManager) {
    this.options = options;
    this.stateManager = stateManager;
  }

  /**
   * One update of {@code parameter} by {@code gradient}; {@code step} counts from 1 for bias correction.
   * Runs outside any gradient scope.
   */
  void update(String name, NDArray parameter, NDArray gradient, long step) {
    NDArray m = firstMoments.computeIfAbsent(name, k -> stateManager.zeros(parameter.getShape()));
    NDArray v = secondMoments.computeIfAbsent(name, k -> stateManager.zeros(parameter.getShape()));
    float b1 = (float) options.beta1();
    float b2 = (float) options.beta2();
    try (NDManager scope = stateManager.newSubManager()) {
      // every intermediate is born in the manager of its first operand: lend the state to the scope so that
      // v.div(...) and friends are freed with it rather than piling up in the state manager every step
      scope.tempAttachAll(m, v, gradient);
      m.muli(b1).addi(gradient.mul(1 - b1));
      v.muli(b2).addi(gradient.square().muli(1 - b2));
      double correction1 = 1 - Math.pow(b1, step);
      double correction2 = 1 - Math.pow(b2, step);
      float stepSize = (float) (options.learningRate() / correction1);
      NDArray denominator = v.div((float) correction2).sqrt().addi((float) options.epsilon());
      if (options.weightDecay() > 0) {
        parameter.muli((float) (1 - options.learningRate() * options.weightDecay()));
      }
      parameter.subi(m.div(denominator).muli(stepSize));
    }
  }

  /** The moment tensors by "m:" / "v:" + parameter name, for checkpoints. */
  Map<String, NDArray> state() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    firstMoments.forEach((k, a) -> out.put("m:" + k, a));
    secondMoments.forEach((k, a) -> out.put("v:" + k, a));
    return out;
  }

  /** Restores moments saved by {@link #state()}. */
  void restore(String key, NDArray value) {
    NDArray copy = value.duplicate();
    copy.attach(stateManager);
    if (key.startsWith("m:")) {
      put(firstMoments, key.substring(2), copy);
    } else if (key.startsWith("v:")) {
      put(secondMoments, key.substring(2), copy);
    } else {
      throw new IllegalArgumentException("optimizer state key '" + key + "' is neither m: nor v:");
    }
  }

  private static void put(Map<String, NDArray> map, String name, NDArray value) {
    NDArray old = map.put(name, value);
    if (old != null) {
      old.close();
    }
  }
}
