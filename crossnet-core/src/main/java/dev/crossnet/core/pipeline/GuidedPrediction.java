package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.crossnet.api.branch.AttentionControl;
import java.util.List;

/**
 * Classifier-free guidance around a {@link NoisePredictor}: one batched pass over [unconditional, conditional]
 * states, combined as u + scale * (c - u). A scale of 1 skips the unconditional half.
 */
final class GuidedPrediction {

  private final NoisePredictor predictor;
  private final NDArray textStates;
  private final NDArray negativeStates;
  private final double scale;

  /**
   * @param textStates [B, L, D] states of the prompt
   * @param negativeStates [B, L, D] states of the negative prompt (or empty text); ignored when scale is 1
   */
  GuidedPrediction(NoisePredictor predictor, NDArray textStates, NDArray negativeStates, double scale) {
    this.predictor = predictor;
    this.textStates = textStates;
    this.negativeStates = negativeStates;
    this.scale = scale;
  }

  NDArray predict(NDArray sample, double timestep, List<AttentionControl> controls) {
    return predict(sample, timestep, controls, negativeStates);
  }

  /** As {@link #predict(NDArray, double, List)} with other unconditional states for this call. */
  NDArray predict(NDArray sample, double timestep, List<AttentionControl> controls, NDArray negativeStates) {
    if (scale == 1.0 || negativeStates == null) {
      return predictor.predict(sample, timestep, textStates, controls);
    }
    NDArray doubled = NDArrays.concat(new NDList(sample, sample), 0);
    NDArray states = NDArrays.concat(new NDList(negativeStates, textStates), 0);
    NDArray both = predictor.predict(doubled, timestep, states, controls);
    long half = sample.getShape().get(0);
    NDList parts = both.split(new long[] {half}, 0);
    NDArray unconditional = parts.get(0);
    NDArray conditional = parts.get(1);
    return conditional.sub(unconditional).muli(scale).addi(unconditional);
  }
}
