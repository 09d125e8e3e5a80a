package dev.crossnet.samplers.euler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.FinalSigma;
import dev.crossnet.samplers.config.PredictionType;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.config.TimestepSpacing;
import dev.crossnet.samplers.core.Fused;
import dev.crossnet.samplers.core.Plans;
import dev.crossnet.samplers.core.ScheduledSampler;

/**
 * Base of the Euler-type samplers: samples are x_0 + sigma eps, the model sees x / sqrt(sigma^2 + 1), and
 * sigmas at fractional timesteps are interpolated linearly between training timesteps.
 */
abstract class SigmaScaledSampler extends ScheduledSampler {

  SigmaScaledSampler(SchedulerConfig config) {
    super(config);
  }

  @Override
  public SamplerPlan plan(int steps) {
    Plans.checkSteps(steps, schedule);
    double[] raw = config.timestepSpacing().fractionalTimesteps(schedule.trainTimesteps(), steps,
        config.stepsOffset());
    double[] timesteps = new double[steps];
    double[] sigmas = new double[steps + 1];
    double maxSigma = 0;
    for (int i = 0; i < steps; i++) {
      // diffusers hands the model float32 timesteps and keeps float32 sigmas
      timesteps[i] = (float) raw[i];
      sigmas[i] = (float) interpolatedSigma(raw[i]);
      maxSigma = Math.max(maxSigma, sigmas[i]);
    }
    sigmas[steps] = config.finalSigma() == FinalSigma.ZERO ? 0 : levels.sigma(0);
    boolean fromTop = config.timestepSpacing() != TimestepSpacing.LEADING;
    double initNoiseSigma = fromTop ? maxSigma : Math.sqrt(maxSigma * maxSigma + 1);
    return new SamplerPlan(timesteps, sigmas, initNoiseSigma, schedule);
  }

  private double interpolatedSigma(double t) {
    int last = schedule.trainTimesteps() - 1;
    if (t <= 0) {
      return baseSigma(0);
    }
    if (t >= last) {
      return baseSigma(last);
    }
    int low = (int) Math.floor(t);
    double w = t - low;
    return (1 - w) * baseSigma(low) + w * baseSigma(low + 1);
  }

  private double baseSigma(int t) {
    return levels.sigma(t);
  }

  /** x / sqrt(sigma^2 + 1): the variance-preserving input the model was trained on. */
  @Override
  public NDArray scaleModelInput(SamplerPlan plan, int index, NDArray sample) {
    Plans.checkIndex(plan, index, plan.size() - 1);
    double sigma = plan.sigma(index);
    return sample.div(Math.sqrt(sigma * sigma + 1));
  }

  /** original + sigma noise at the level of {@code index} (0..size; size is the end). */
  @Override
  public NDArray addNoise(SamplerPlan plan, int index, NDArray original, NDArray noise) {
    Plans.checkIndex(plan, index, plan.size());
    return Fused.combine(original.getManager(), original, 1, noise, plan.sigma(index));
  }

  /**
   * Weights (on sample, on model output) of the x_0 estimate at {@code sigma}: x - sigma eps for epsilon,
   * x / (sigma^2 + 1) - sigma v / sqrt(sigma^2 + 1) for v, the output itself for sample.
   */
  /**
   * An Euler step of the probability-flow ODE from {@code sigma} down to {@code target}:
   * x' = x + (target - sigma) (x - x_0) / sigma, with x_0 estimated at {@code sigma}.
   */
  final StepResult eulerStep(double sigma, double target, NDArray modelOutput, NDArray sample) {
    double slope = (target - sigma) / sigma;
    double[] w = x0Weights(config.predictionType(), sigma);
    NDManager out = sample.getManager();
    NDArray x0 = Fused.combine(out, sample, w[0], modelOutput, w[1]);
    // x + slope (x - x_0), written on (sample, output) so it is one combination
    NDArray prev = Fused.combine(out, sample, 1 + slope * (1 - w[0]), modelOutput, -slope * w[1]);
    return new StepResult(prev, x0, SolverHistory.EMPTY);
  }

  static double[] x0Weights(PredictionType type, double sigma) {
    return switch (type) {
      case EPSILON -> new double[] {1, -sigma};
      case V_PREDICTION -> new double[] {1 / (sigma * sigma + 1), -sigma / Math.sqrt(sigma * sigma + 1)};
      case SAMPLE -> new double[] {0, 1};
    };
  }
}
