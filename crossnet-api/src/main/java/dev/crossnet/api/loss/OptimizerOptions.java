package dev.crossnet.api.loss;

/**
 * AdamW settings of one parameter group.
 *
 * @param learningRate required, > 0
 * @param weightDecay decoupled weight decay, >= 0 (default 0)
 * @param beta1 first-moment decay (default 0.9)
 * @param beta2 second-moment decay (default 0.999)
 * @param epsilon denominator guard (default 1e-8)
 * @param gradientClip clip the group's gradient norm to this value; 0 means no clipping (default 0)
 */
public record OptimizerOptions(
    double learningRate, double weightDecay, double beta1, double beta2, double epsilon, double gradientClip) {

  public OptimizerOptions {
    check(learningRate > 0 && Double.isFinite(learningRate), "learning rate", learningRate, "> 0");
    check(weightDecay >= 0, "weight decay", weightDecay, ">= 0");
    check(beta1 >= 0 && beta1 < 1, "beta1", beta1, "in [0, 1)");
    check(beta2 >= 0 && beta2 < 1, "beta2", beta2, "in [0, 1)");
    check(epsilon > 0, "epsilon", epsilon, "> 0");
    check(gradientClip >= 0, "gradient clip", gradientClip, ">= 0");
  }

  /** AdamW with this learning rate and the defaults for everything else. */
  public static OptimizerOptions adamW(double learningRate) {
    return new OptimizerOptions(learningRate, 0, 0.9, 0.999, 1e-8, 0);
  }

  public OptimizerOptions withWeightDecay(double value) {
    return new OptimizerOptions(learningRate, value, beta1, beta2, epsilon, gradientClip);
  }

  public OptimizerOptions withGradientClip(double value) {
    return new OptimizerOptions(learningRate, weightDecay, beta1, beta2, epsilon, value);
  }

  private static void check(boolean ok, String what, double value, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(what + " must be " + rule + ", got " + value);
    }
  }
}
