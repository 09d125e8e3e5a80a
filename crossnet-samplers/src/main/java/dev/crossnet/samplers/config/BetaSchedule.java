package dev.crossnet.samplers.config;

import java.util.Locale;

/** How betas are laid out over the training timesteps (diffusers' {@code beta_schedule}). */
public enum BetaSchedule {
  /** Evenly spaced betas from beta_start to beta_end. */
  LINEAR,
  /** Evenly spaced square roots of beta, squared (Stable Diffusion's schedule). */
  SCALED_LINEAR,
  /** The cosine schedule of Nichol and Dhariwal, betas capped at 0.999. */
  SQUAREDCOS_CAP_V2;

  /** The config spelling, e.g. {@code scaled_linear}. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The betas of {@code count} training timesteps. Linear layouts are rounded to float32, as diffusers builds
   * them with {@code torch.linspace(..., dtype=float32)}, so the schedules agree to the last bit that matters.
   */
  double[] betas(int count, double start, double end) {
    double[] betas = new double[count];
    switch (this) {
      case LINEAR -> {
        for (int i = 0; i < count; i++) {
          betas[i] = (float) lerp(start, end, i, count);
        }
      }
      case SCALED_LINEAR -> {
        double a = Math.sqrt(start);
        double b = Math.sqrt(end);
        for (int i = 0; i < count; i++) {
          float root = (float) lerp(a, b, i, count);
          betas[i] = root * root;
        }
      }
      case SQUAREDCOS_CAP_V2 -> {
        for (int i = 0; i < count; i++) {
          double t1 = (double) i / count;
          double t2 = (double) (i + 1) / count;
          betas[i] = (float) Math.min(1 - cosineAlphaBar(t2) / cosineAlphaBar(t1), 0.999);
        }
      }
      default -> throw new AssertionError(this);
    }
    return betas;
  }

  private static double lerp(double from, double to, int i, int count) {
    return count == 1 ? from : from + (to - from) * i / (count - 1);
  }

  private static double cosineAlphaBar(double t) {
    double c = Math.cos((t + 0.008) / 1.008 * Math.PI / 2);
    return c * c;
  }
}
