package dev.crossnet.samplers.config;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.NoiseSchedule;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings every CrossNet sampler reads from a diffusers-style {@code scheduler_config.json}. Keys and
 * defaults follow diffusers; the defaults that differ between diffusers' schedulers are passed in by each
 * sampler ({@link Defaults}). Keys of options CrossNet does not implement are accepted only at their neutral
 * value (for example {@code thresholding: false}) so a config never silently means something else.
 *
 * <pre>{@code
 * SchedulerConfig c = SchedulerConfig.from(PluginConfig.readJson(path), SchedulerConfig.Defaults.DDIM);
 * NoiseSchedule schedule = c.noiseSchedule();
 * }</pre>
 *
 * @param numTrainTimesteps T, {@code num_train_timesteps}
 * @param betaStart {@code beta_start}
 * @param betaEnd {@code beta_end}
 * @param betaSchedule {@code beta_schedule}
 * @param trainedBetas {@code trained_betas}, or null to use the schedule
 * @param predictionType {@code prediction_type}
 * @param timestepSpacing {@code timestep_spacing}
 * @param stepsOffset {@code steps_offset}
 * @param setAlphaToOne {@code set_alpha_to_one}: DDIM's level after the last step is clean (else abar_0)
 * @param clipSample {@code clip_sample}: clamp the x_0 estimate to +-{@code clipSampleRange}
 * @param clipSampleRange {@code clip_sample_range}
 * @param eta {@code eta}: DDIM's share of fresh noise (0 deterministic, 1 DDPM-like)
 * @param solverOrder {@code solver_order} of DPM-Solver++ (1 or 2)
 * @param lowerOrderFinal {@code lower_order_final}: DPM-Solver++ ends with a first-order step when the plan
 *     has fewer than 15 steps
 * @param eulerAtFinal {@code euler_at_final}: DPM-Solver++ always ends with a first-order step
 * @param finalSigma {@code final_sigmas_type} of sigma-based samplers
 */
public record SchedulerConfig(int numTrainTimesteps, double betaStart, double betaEnd, BetaSchedule betaSchedule,
    double[] trainedBetas, PredictionType predictionType, TimestepSpacing timestepSpacing, int stepsOffset,
    boolean setAlphaToOne, boolean clipSample, double clipSampleRange, double eta, int solverOrder,
    boolean lowerOrderFinal, boolean eulerAtFinal, FinalSigma finalSigma) {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerConfig.class);

  private static final List<String> KEYS = List.of("num_train_timesteps", "beta_start", "beta_end",
      "beta_schedule", "trained_betas", "prediction_type", "timestep_spacing", "steps_offset", "set_alpha_to_one",
      "clip_sample", "clip_sample_range", "eta", "solver_order", "lower_order_final", "euler_at_final",
      "final_sigmas_type");

  /** The defaults that differ between diffusers' scheduler classes. */
  public enum Defaults {
    /** DDPMScheduler. */
    DDPM(TimestepSpacing.LEADING, true, FinalSigma.ZERO),
    /** DDIMScheduler and DDIMInverseScheduler. */
    DDIM(TimestepSpacing.LEADING, true, FinalSigma.ZERO),
    /** DPMSolverMultistepScheduler. */
    DPM_SOLVER(TimestepSpacing.LINSPACE, false, FinalSigma.ZERO),
    /** EulerDiscreteScheduler and EulerAncestralDiscreteScheduler. */
    EULER(TimestepSpacing.LINSPACE, false, FinalSigma.ZERO);

    private final TimestepSpacing spacing;
    private final boolean clipSample;
    private final FinalSigma finalSigma;

    Defaults(TimestepSpacing spacing, boolean clipSample, FinalSigma finalSigma) {
      this.spacing = spacing;
      this.clipSample = clipSample;
      this.finalSigma = finalSigma;
    }
  }

  public SchedulerConfig {
    if (numTrainTimesteps < 1) {
      throw new IllegalArgumentException("num_train_timesteps must be at least 1, got " + numTrainTimesteps);
    }
    if (trainedBetas != null) {
      if (trainedBetas.length != numTrainTimesteps) {
        throw new IllegalArgumentException("trained_betas has " + trainedBetas.length + " values but "
            + "num_train_timesteps is " + numTrainTimesteps + "; give one beta per training timestep");
      }
      trainedBetas = trainedBetas.clone();
    }
    if (stepsOffset < 0) {
      throw new IllegalArgumentException("steps_offset must not be negative, got " + stepsOffset);
    }
    if (!(clipSampleRange > 0)) {
      throw new IllegalArgumentException("clip_sample_range must be positive, got " + clipSampleRange);
    }
    if (!(eta >= 0)) {
      throw new IllegalArgumentException("eta must be 0 or more (0 = deterministic DDIM), got " + eta);
    }
    if (solverOrder != 1 && solverOrder != 2) {
      throw new IllegalArgumentException("solver_order must be 1 or 2 for DPM-Solver++ 2M, got " + solverOrder);
    }
  }

  /** Reads {@code config}, filling absent keys from diffusers' defaults for the given scheduler class. */
  public static SchedulerConfig from(PluginConfig config, Defaults defaults) {
    ConfigEnums.requireValue(config, "thresholding", false);
    ConfigEnums.requireValue(config, "rescale_betas_zero_snr", false);
    ConfigEnums.requireValue(config, "use_karras_sigmas", false);
    ConfigEnums.requireValue(config, "use_exponential_sigmas", false);
    ConfigEnums.requireValue(config, "use_beta_sigmas", false);
    ConfigEnums.requireValue(config, "use_lu_lambdas", false);
    ConfigEnums.requireValue(config, "use_dynamic_shifting", false);
    ConfigEnums.requireValue(config, "timestep_type", "discrete");
    ConfigEnums.requireValue(config, "interpolation_type", "linear");
    ConfigEnums.requireValue(config, "algorithm_type", "dpmsolver++");
    ConfigEnums.requireValue(config, "solver_type", "midpoint");
    SchedulerConfig resolved = new SchedulerConfig(
        config.getInt("num_train_timesteps", 1000),
        config.getDouble("beta_start", 0.0001),
        config.getDouble("beta_end", 0.02),
        ConfigEnums.read(config, "beta_schedule", BetaSchedule.LINEAR, BetaSchedule.class,
            BetaSchedule::spelling),
        config.getDoubles("trained_betas").orElse(null),
        ConfigEnums.read(config, "prediction_type", PredictionType.EPSILON, PredictionType.class,
            PredictionType::spelling),
        ConfigEnums.read(config, "timestep_spacing", defaults.spacing, TimestepSpacing.class,
            TimestepSpacing::spelling),
        config.getInt("steps_offset", 0),
        config.getBoolean("set_alpha_to_one", true),
        config.getBoolean("clip_sample", defaults.clipSample),
        config.getDouble("clip_sample_range", 1.0),
        config.getDouble("eta", 0.0),
        config.getInt("solver_order", 2),
        config.getBoolean("lower_order_final", true),
        config.getBoolean("euler_at_final", false),
        ConfigEnums.read(config, "final_sigmas_type", defaults.finalSigma, FinalSigma.class,
            FinalSigma::spelling));
    if (LOG.isDebugEnabled()) {
      // a run should be reproducible from its log: say which values were defaults
      String defaulted = KEYS.stream().filter(k -> !config.has(k)).collect(Collectors.joining(", "));
      LOG.debug("{} (diffusers {} defaults; defaulted keys: {})", resolved, defaults, defaulted);
    }
    return resolved;
  }

  /** The training noise schedule these settings describe. */
  public NoiseSchedule noiseSchedule() {
    double[] betas = trainedBetas != null
        ? trainedBetas
        : betaSchedule.betas(numTrainTimesteps, betaStart, betaEnd);
    for (int t = 0; t < betas.length; t++) {
      if (!(betas[t] >= 0 && betas[t] < 1)) {
        throw new IllegalArgumentException("beta at training timestep " + t + " is " + betas[t] + " (beta_start "
            + betaStart + ", beta_end " + betaEnd + ", " + betaSchedule.spelling() + "); betas must lie in [0, 1)");
      }
    }
    return new NoiseSchedule(betas);
  }

  @Override
  public double[] trainedBetas() {
    return trainedBetas == null ? null : trainedBetas.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchedulerConfig c && c.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "SchedulerConfig[T=" + numTrainTimesteps + ", beta " + betaStart + ".." + betaEnd + " "
        + betaSchedule.spelling() + (trainedBetas == null ? "" : ", trained " + Arrays.toString(trainedBetas))
        + ", " + predictionType.spelling() + ", " + timestepSpacing.spelling() + "+" + stepsOffset
        + ", alphaToOne=" + setAlphaToOne + ", clip=" + clipSample + "(" + clipSampleRange + "), eta=" + eta
        + ", order=" + solverOrder + ", lowerOrderFinal=" + lowerOrderFinal + ", eulerAtFinal=" + eulerAtFinal
        + ", final=" + finalSigma.spelling() + "]";
  }
}
