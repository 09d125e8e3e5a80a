package dev.crossnet.core.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A training state: the step reached, the parameters, the optimiser moments and the loss history.
 *
 * @param step the number of finished steps
 * @param parameters trained tensors by name
 * @param optimizer optimiser moments by "group/m:name" / "group/v:name"
 * @param averages exponential moving averages of the parameters by name (empty when the run keeps none)
 * @param metadata small string facts (seed, config) written as JSON
 */
public record Checkpoint(int step, Map<String, NDArray> parameters, Map<String, NDArray> optimizer,
    Map<String, NDArray> averages, Map<String, String> metadata) {

  /** A checkpoint of a run that keeps no parameter averages. */
  public Checkpoint(int step, Map<String, NDArray> parameters, Map<String, NDArray> optimizer,
      Map<String, String> metadata) {
    this(step, parameters, optimizer, Map.of(), metadata);
  }
}
