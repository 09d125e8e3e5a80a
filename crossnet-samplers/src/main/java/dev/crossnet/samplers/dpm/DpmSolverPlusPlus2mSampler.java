package dev.crossnet.samplers.dpm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.FinalSigma;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.Fused;
import dev.crossnet.samplers.core.Plans;
import dev.crossnet.samplers.core.Prediction;
import dev.crossnet.samplers.core.VariancePreservingSampler;

/**
 * DPM-Solver++ 2M, as diffusers' DPMSolverMultistepScheduler with {@code algorithm_type = dpmsolver++},
 * {@code solver_type = midpoint}. In half-log-SNR lambda = log(alpha / sigma), with h = lambda_t - lambda_s:
 *
 * <pre>
 * first order:  x_t = (sigma_t / sigma_s) x - alpha_t (e^-h - 1) D0
 * second order: x_t = (sigma_t / sigma_s) x - alpha_t (e^-h - 1) (D0 + D1 / 2),  D1 = (D0 - D0_prev) h / h_prev
 * </pre>
 *
 * where D0 is this step's x_0 estimate. The previous estimate comes through {@link SolverHistory}; a step
 * without the previous index's estimate (the first one, or after a jump) is first order, and so is the last
 * one when {@code lower_order_final} applies (fewer than 15 steps), {@code euler_at_final} is set or the final
 * sigma is zero.
 */
public final class DpmSolverPlusPlus2mSampler extends VariancePreservingSampler {

  public DpmSolverPlusPlus2mSampler(SchedulerConfig config) {
    super(config);
  }

  @Override
  public SamplerPlan plan(int steps) {
    Plans.checkSteps(steps, schedule);
    double[] timesteps = config.timestepSpacing().solverTimesteps(schedule.trainTimesteps(), steps,
        config.stepsOffset());
    double[] sigmas = new double[steps + 1];
    for (int i = 0; i < steps; i++) {
      sigmas[i] = levels.sigma(Plans.trainingIndex(timesteps[i], schedule));
    }
    sigmas[steps] = config.finalSigma() == FinalSigma.ZERO ? 0 : levels.sigma(0);
    return new SamplerPlan(timesteps, sigmas, 1.0, schedule);
  }

  @Override
  public StepResult step(SamplerPlan plan, int index, NDArray modelOutput, NDArray sample, NoiseSource noise,
      SolverHistory history) {
    Plans.checkIndex(plan, index, plan.size() - 1);
    NDManager out = sample.getManager();
    double sigmaS = plan.sigma(index);
    Prediction p = Prediction.at(config.predictionType(), Plans.alphaCumprod(sigmaS));
    NDArray x0 = p.x0(out, sample, modelOutput);

    double alphaT = alpha(plan.sigma(index + 1));
    double sigmaRatio = vpSigma(plan.sigma(index + 1)) / vpSigma(sigmaS);
    double h = lambda(plan.sigma(index + 1)) - lambda(sigmaS);
    double phi = -alphaT * Math.expm1(-h);

    boolean last = index == plan.size() - 1;
    boolean lowerOrderFinal = last && (config.eulerAtFinal()
        || (config.lowerOrderFinal() && plan.size() < 15) || config.finalSigma() == FinalSigma.ZERO);
    boolean havePrevious = !history.outputs().isEmpty() && history.lastIndex() == index - 1;
    NDArray prevSample;
    if (config.solverOrder() == 1 || !havePrevious || lowerOrderFinal) {
      prevSample = Fused.combine(out, sample, sigmaRatio, x0, phi);
    } else {
      NDArray previous = history.outputs().get(history.outputs().size() - 1);
      double r = (lambda(sigmaS) - lambda(plan.sigma(index - 1))) / h;
      // D0 + D1 / 2 = (1 + 1 / (2r)) D0 - D0_prev / (2r)
      prevSample = Fused.combine(out, sample, sigmaRatio, x0, phi * (1 + 0.5 / r), previous, -phi * 0.5 / r);
    }
    SolverHistory next = config.solverOrder() == 1 ? SolverHistory.EMPTY : history.push(x0, index, 1);
    return new StepResult(prevSample, x0, next);
  }

  private static double alpha(double sigma) {
    return 1 / Math.sqrt(sigma * sigma + 1);
  }

  private static double vpSigma(double sigma) {
    return sigma * alpha(sigma);
  }

  /** log(alpha) - log(sigma); +infinity at sigma 0, where the update returns x_0. */
  private static double lambda(double sigma) {
    return Math.log(alpha(sigma)) - Math.log(vpSigma(sigma));
  }
}
