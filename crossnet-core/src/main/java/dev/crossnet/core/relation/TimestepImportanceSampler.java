package dev.crossnet.core.relation;

import java.util.SplittableRandom;

/**
 * ReVersion's relation-focal importance sampling of training timesteps ({@code importance_sampling_fn} in
 * its {@code train.py}): timestep t of T is drawn with probability proportional to
 *
 * <pre>
 *   f(t) = (1 / T) (1 - alpha cos(pi t / T)),
 * </pre>
 *
 * which favours the noisy early denoising steps, where the layout (and so the relation) is decided. ReVersion
 * uses alpha = 0.5 ({@code --scaled_cosine_alpha} default); alpha = 0 is uniform sampling.
 *
 * <pre>{@code
 * TimestepImportanceSampler sampler = TimestepImportanceSampler.reversion(1000);
 * int t = sampler.sample(random);
 * }</pre>
 */
public final class TimestepImportanceSampler {

  /** ReVersion's default skewness. */
  public static final double REVERSION_ALPHA = 0.5;

  private final double[] cumulative;

  /**
   * @param trainTimesteps T, the scheduler's number of training timesteps
   * @param alpha skewness in [0, 1): 0 is uniform, larger favours large t
   */
  public TimestepImportanceSampler(int trainTimesteps, double alpha) {
    if (trainTimesteps < 1) {
      throw new IllegalArgumentException("need at least one training timestep, got " + trainTimesteps);
    }
    if (!(alpha >= 0 && alpha < 1)) {
      throw new IllegalArgumentException("importance-sampling alpha must lie in [0, 1) so every timestep keeps "
          + "a positive probability, got " + alpha);
    }
    cumulative = new double[trainTimesteps];
    double sum = 0;
    for (int t = 0; t < trainTimesteps; t++) {
      sum += weight(t, trainTimesteps, alpha);
      cumulative[t] = sum;
    }
    for (int t = 0; t < trainTimesteps; t++) {
      cumulative[t] /= sum;
    }
  }

  /** ReVersion's sampler (alpha 0.5) over T timesteps. */
  public static TimestepImportanceSampler reversion(int trainTimesteps) {
    return new TimestepImportanceSampler(trainTimesteps, REVERSION_ALPHA);
  }

  /** The unnormalised f(t). */
  static double weight(int t, int trainTimesteps, double alpha) {
    return (1.0 / trainTimesteps) * (1 - alpha * Math.cos(Math.PI * t / trainTimesteps));
  }

  /** The normalised probability of timestep t. */
  public double probability(int t) {
    return t == 0 ? cumulative[0] : cumulative[t] - cumulative[t - 1];
  }

  /** Draws one timestep by inverting the cumulative distribution. */
  public int sample(SplittableRandom random) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
