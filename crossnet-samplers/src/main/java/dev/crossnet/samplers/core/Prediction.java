package dev.crossnet.samplers.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.samplers.config.PredictionType;

/**
 * The x_0 and epsilon estimates of a variance-preserving sample x_t = sqrt(abar) x_0 + sqrt(1 - abar) eps,
 * written as weights on (sample, model output) so a step can fuse them into its update.
 *
 * @param sampleToX0 weight of the sample in x_0
 * @param outputToX0 weight of the model output in x_0
 * @param sampleToEps weight of the sample in epsilon
 * @param outputToEps weight of the model output in epsilon
 */
public record Prediction(double sampleToX0, double outputToX0, double sampleToEps, double outputToEps) {

  /** The x_0 estimate of {@code sample} given the model's output, in {@code out}. */
  public NDArray x0(NDManager out, NDArray sample, NDArray modelOutput) {
    return Fused.combine(out, sample, sampleToX0, modelOutput, outputToX0);
  }

  /** The weights at noise level {@code alphaCumprod} for a model that predicts {@code type}. */
  public static Prediction at(PredictionType type, double alphaCumprod) {
    double a = Math.sqrt(alphaCumprod);
    double b = Math.sqrt(1 - alphaCumprod);
    return switch (type) {
      case EPSILON -> new Prediction(1 / a, -b / a, 0, 1);
      case SAMPLE -> new Prediction(0, 1, 1 / b, -a / b);
      case V_PREDICTION -> new Prediction(a, -b, b, a);
    };
  }
}
