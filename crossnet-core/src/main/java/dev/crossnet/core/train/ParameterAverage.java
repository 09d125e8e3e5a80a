package dev.crossnet.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of trained parameters (the weights diffusion models are sampled with): after
 * every step, {@code average = d * average + (1 - d) * parameter}, where {@code d = min(decay, (1 + n) / (10 + n))}
 * after {@code n} earlier updates, so that the first steps do not keep the random initialisation for long. An
 * average starts from the parameters' values when it is first updated (also when a run that kept none resumes).
 */
final class ParameterAverage {

  private final double decay;
  private final NDManager stateManager;
  private final Map<String, NDArray> averages = new LinkedHashMap<>();
  private long updates;

  /** @param decay in (0, 1), checked by {@link Trainer.Builder#averaging(double)} */
  ParameterAverage(double decay, NDManager stateManager) {
    this.decay = decay;
    this.stateManager = stateManager;
  }

  /** Folds the parameters' current values into their averages. Runs outside any gradient scope. */
  void update(Map<String, NDArray> parameters) {
    float d = (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      NDArray average = averages.get(e.getKey());
      if (average == null) {
        NDArray copy = e.getValue().duplicate();
        copy.attach(stateManager);
        averages.put(e.getKey(), copy);
        continue;
      }
      try (NDManager scope = stateManager.newSubManager()) {
        // lent, so that parameter * (1 - d) is born in the scope and freed with it
        scope.tempAttachAll(average, e.getValue());
        average.muli(d).addi(e.getValue().mul(1 - d));
      }
    }
    updates++;
  }

  /** The averages by parameter name (live arrays; empty before the first update). */
  Map<String, NDArray> averages() {
    return Collections.unmodifiableMap(averages);
  }

  /** How many updates the averages have seen. */
  long updates() {
    return updates;
  }

  /** Restores averages saved from {@link #averages()} after {@code updateCount} updates. */
  void restore(Map<String, NDArray> saved, long updateCount) {
    for (Map.Entry<String, NDArray> e : saved.entrySet()) {
      NDArray copy = e.getValue().duplicate();
      copy.attach(stateManager);
      NDArray old = averages.put(e.getKey(), copy);
      if (old != null) {
        old.close();
      }
    }
    updates = updateCount;
  }
}
