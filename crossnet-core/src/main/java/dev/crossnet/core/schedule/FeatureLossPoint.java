package dev.crossnet.core.schedule;

/**
 * What survives noise level t, averaged over the measured pictures: the raw agreement of the one-step x0
 * prediction with its source inside the region, for structure and for look.
 *
 * @param t the noise level, a fraction of the training timesteps in (0, 1]
 * @param timestep the training timestep t stands for ({@link FeatureLossSettings#timestep(double, int)})
 * @param structure mean {@link SelfSimilarityStructure} agreement, at most 1
 * @param look mean {@link ColourHistogramLook} agreement, in [0, 1]
 */
public record FeatureLossPoint(double t, int timestep, double structure, double look) {

  public FeatureLossPoint {
    if (!(t > 0 && t <= 1)) {
      throw new IllegalArgumentException("noise level t = " + t + " is outside (0, 1]");
    }
    if (!(structure >= -1 && structure <= 1) || !(look >= 0 && look <= 1)) {
      throw new IllegalArgumentException("signals at t = " + t + " are out of range: structure " + structure
          + " (must lie in [-1, 1]), look " + look + " (must lie in [0, 1])");
    }
  }
}
