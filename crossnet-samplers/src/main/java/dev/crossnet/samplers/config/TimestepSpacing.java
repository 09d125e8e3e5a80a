package dev.crossnet.samplers.config;

import java.util.Locale;

/**
 * How a plan of n steps picks timesteps out of the T training timesteps (diffusers' {@code timestep_spacing};
 * see Table 2 of "Common Diffusion Noise Schedules and Sample Steps are Flawed"). All methods return the
 * timesteps in visiting order, from the noisiest down.
 */
public enum TimestepSpacing {
  /** Multiples of T // n, plus {@code steps_offset}: 0, r, 2r, ... */
  LEADING,
  /** Counting back from T by T / n, minus one: T-1, T-1-T/n, ... */
  TRAILING,
  /** n evenly spaced values from 0 to T-1, both ends included. */
  LINSPACE;

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whole-numbered timesteps, as DDPM and DDIM use them. */
  public double[] integerTimesteps(int trainTimesteps, int steps, int stepsOffset) {
    double[] t = new double[steps];
    for (int k = 0; k < steps; k++) {
      t[k] = switch (this) {
        case LEADING -> (double) (steps - 1 - k) * (trainTimesteps / steps) + stepsOffset;
        case TRAILING -> Math.rint(trainTimesteps - k * ((double) trainTimesteps / steps)) - 1;
        case LINSPACE -> Math.rint(linspace(0, trainTimesteps - 1, steps, steps - 1 - k));
      };
    }
    return t;
  }

  /**
   * Timesteps as Euler-type samplers take them: linspace keeps the fractional values, the other spacings
   * are whole numbers as in {@link #integerTimesteps}.
   */
  public double[] fractionalTimesteps(int trainTimesteps, int steps, int stepsOffset) {
    if (this != LINSPACE) {
      return integerTimesteps(trainTimesteps, steps, stepsOffset);
    }
    double[] t = new double[steps];
    for (int k = 0; k < steps; k++) {
      t[k] = linspace(0, trainTimesteps - 1, steps, steps - 1 - k);
    }
    return t;
  }

  /**
   * DPM-Solver's layout: n + 1 points of the chosen spacing with the last (timestep 0 side) dropped, so the
   * final step lands on the clean sample rather than starting from it.
   */
  public double[] solverTimesteps(int trainTimesteps, int steps, int stepsOffset) {
    double[] t = new double[steps];
    for (int k = 0; k < steps; k++) {
      t[k] = switch (this) {
        case LEADING -> (double) (steps - k) * (trainTimesteps / (steps + 1)) + stepsOffset;
        case TRAILING -> Math.rint(trainTimesteps - k * ((double) trainTimesteps / steps)) - 1;
        case LINSPACE -> Math.rint(linspace(0, trainTimesteps - 1, steps + 1, steps - k));
      };
    }
    return t;
  }

  private static double linspace(double from, double to, int count, int i) {
    if (count == 1) {
      return from;
    }
    // numpy computes from + i * step, with step = (to - from) / (count - 1)
    return from + i * ((to - from) / (count - 1));
  }
}
