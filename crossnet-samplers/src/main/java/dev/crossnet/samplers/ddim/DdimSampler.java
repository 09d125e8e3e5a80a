package dev.crossnet.samplers.ddim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SolverHistory;
import dev.crossnet.api.sampler.StepResult;
import dev.crossnet.samplers.config.SchedulerConfig;
import dev.crossnet.samplers.core.Fused;
import dev.crossnet.samplers.core.Prediction;
import dev.crossnet.samplers.core.VariancePreservingSampler;

/**
 * DDIM: x_{t'} = sqrt(abar_{t'}) x_0 + sqrt(1 - abar_{t'} - s^2) eps + s z, with s = eta sqrt(beta~) and
 * t' = t - T / n as in diffusers' DDIMScheduler (also for trailing and linspace spacing, where t' need not be
 * the plan's next timestep). After timestep 0 the level is 1 when {@code set_alpha_to_one}, else abar_0.
 */
public final class DdimSampler extends VariancePreservingSampler {

  public DdimSampler(SchedulerConfig config) {
    super(config);
  }

  /** abar after the last step. */
  double finalAlpha() {
    return config.setAlphaToOne() ? 1.0 : levels.alphaCumprod(0);
  }

  @Override
  public SamplerPlan plan(int steps) {
    return integerTimestepPlan(steps, finalAlpha());
  }

  @Override
  public StepResult step(SamplerPlan plan, int index, NDArray modelOutput, NDArray sample, NoiseSource noise,
      SolverHistory history) {
    int t = trainingTimestep(plan, index);
    double alpha = levels.alphaCumprod(t);
    double alphaPrev = alphaCumprodAt(previousTimestep(plan, t), finalAlpha());
    double variance = (1 - alphaPrev) / (1 - alpha) * (1 - alpha / alphaPrev);
    double std = config.eta() * Math.sqrt(variance);
    double direction = Math.sqrt(Math.max(1 - alphaPrev - std * std, 0));
    return DdimUpdate.apply(config, Prediction.at(config.predictionType(), alpha), Math.sqrt(alphaPrev),
        direction, std, config.eta() > 0, modelOutput, sample, noise);
  }

  /** The update both DDIM directions share: sqrt(abar') x_0 + direction eps (+ std z). */
  static final class DdimUpdate {

    private DdimUpdate() {}

    static StepResult apply(SchedulerConfig config, Prediction p, double x0Weight, double epsWeight, double std,
        boolean drawsNoise, NDArray modelOutput, NDArray sample, NoiseSource noise) {
      NDManager out = sample.getManager();
      NDArray x0 = p.x0(out, sample, modelOutput);
      NDArray prevSample;
      if (config.clipSample()) {
        x0 = Fused.clamp(x0, config.clipSampleRange(), out);
        // epsilon stays the unclipped model's (diffusers' use_clipped_model_output = False)
        prevSample = Fused.combine(out, x0, x0Weight, sample, epsWeight * p.sampleToEps(), modelOutput,
            epsWeight * p.outputToEps());
      } else {
        prevSample = Fused.combine(out, sample, x0Weight * p.sampleToX0() + epsWeight * p.sampleToEps(),
            modelOutput, x0Weight * p.outputToX0() + epsWeight * p.outputToEps());
      }
      if (drawsNoise) {
        // drawn even when std is 0 (the last step), so a recorded noise sequence stays aligned with diffusers
        try (NDArray z = noise.next(out, sample.getShape())) {
          if (std > 0) {
            Fused.addScaledOwned(prevSample, z, std);
          }
        }
      }
      return new StepResult(prevSample, x0, SolverHistory.EMPTY);
    }
  }
}
