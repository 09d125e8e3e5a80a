package dev.crossnet.core.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * How a feature-loss schedule is measured: the noise levels t (fractions of the model's training timesteps, each in
 * (0, 1], increasing), the seed of the noise added to every picture, and how the prediction at each level is made:
 * in one step (the model's x0 prediction at t) or along a denoising path from t to 0 as an edit takes it. Part of the
 * cache key.
 *
 * @param fractions the noise levels t, increasing, each in (0, 1]; t = 1 is the last training timestep
 * @param seed the seed of the Gaussian noise: picture i gets the i-th draw of {@code NoiseSource.seeded(seed)}, the
 *     same noise at every t, so each picture's curve is smooth in t
 * @param pathSteps the steps of a whole denoising path, from t = 1 to 0: a level t is denoised in
 *     {@code ceil(pathSteps * t)} deterministic DDIM steps with the empty prompt, so 1 is the one-step prediction
 */
public record FeatureLossSettings(List<Double> fractions, long seed, int pathSteps) {

  /** The grid {@link #standard()} uses: t = 0.05, 0.10, ..., 1.00. */
  public static final double STANDARD_STEP = 0.05;

  public FeatureLossSettings {
    fractions = List.copyOf(fractions);
    if (pathSteps < 1) {
      throw new IllegalArgumentException("a denoising path needs at least 1 step, got " + pathSteps
          + "; give 1 for the one-step prediction or e.g. 10 for a path as an edit takes it");
    }
    if (fractions.isEmpty()) {
      throw new IllegalArgumentException("a feature-loss schedule needs at least one noise level t; "
          + "give fractions in (0, 1], e.g. FeatureLossSettings.standard()");
    }
    double previous = 0;
    for (double t : fractions) {
      if (!(t > 0 && t <= 1)) {
        throw new IllegalArgumentException("noise level t = " + t + " is outside (0, 1]; t is the fraction of the "
            + "model's training timesteps (1 = pure noise), so give values such as 0.05 ... 1.0");
      }
      if (t <= previous) {
        throw new IllegalArgumentException("noise levels must increase, got " + t + " after " + previous
            + " in " + fractions);
      }
      previous = t;
    }
  }

  /** One-step predictions at these levels. */
  public FeatureLossSettings(List<Double> fractions, long seed) {
    this(fractions, seed, 1);
  }

  /** These levels and seed, each level denoised along a path of {@code ceil(steps * t)} steps. */
  public FeatureLossSettings withPathSteps(int steps) {
    return new FeatureLossSettings(fractions, seed, steps);
  }

  /** The DDIM steps that denoise level t: {@code ceil(pathSteps * t)}, at least 1. */
  public int stepsAt(double t) {
    return Math.max(1, (int) Math.ceil(pathSteps * t - 1e-9));
  }

  /** t = 0.05, 0.10, ..., 1.00 with this seed. */
  public static FeatureLossSettings standard(long seed) {
    return evenly(STANDARD_STEP, seed);
  }

  /** t = 0.05, 0.10, ..., 1.00, seed 1. */
  public static FeatureLossSettings standard() {
    return standard(1);
  }

  /** t = step, 2 step, ..., 1 (the last level is 1 when step divides it). */
  public static FeatureLossSettings evenly(double step, long seed) {
    if (!(step > 0 && step <= 1)) {
      throw new IllegalArgumentException("the step between noise levels must lie in (0, 1], got " + step);
    }
    List<Double> ts = new ArrayList<>();
    for (int i = 1; i * step <= 1 + 1e-9; i++) {
      ts.add(Math.round(i * step * 1e6) / 1e6);
    }
    return new FeatureLossSettings(ts, seed);
  }

  /**
   * The training timestep of noise level t: {@code round(t * T) - 1}, clamped to [0, T - 1], so t = 1 is the last
   * timestep T - 1.
   */
  public static int timestep(double t, int trainTimesteps) {
    return Math.max(0, Math.min(trainTimesteps - 1, (int) Math.round(t * trainTimesteps) - 1));
  }
}
