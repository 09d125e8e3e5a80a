package dev.crossnet.core.relation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.NoiseSchedule;

/**
 * The training side of a scheduler config: noise a clean sample to timestep t,
 * {@code x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) eps}, and the target the network was trained to predict
 * (diffusers' {@code add_noise} and {@code prediction_type}).
 */
public final class ForwardNoising {

  private final NoiseSchedule schedule;
  private final String predictionType;

  public ForwardNoising(NoiseSchedule schedule, String predictionType) {
    if (!predictionType.equals("epsilon") && !predictionType.equals("v_prediction")
        && !predictionType.equals("sample")) {
      throw new IllegalArgumentException("prediction_type '" + predictionType + "' is not one of epsilon, "
          + "v_prediction, sample");
    }
    this.schedule = schedule;
    this.predictionType = predictionType;
  }

  /**
   * Reads {@code num_train_timesteps}, {@code beta_start}, {@code beta_end}, {@code beta_schedule} (linear,
   * scaled_linear or squaredcos_cap_v2) and {@code prediction_type}, with diffusers' defaults.
   */
  public static ForwardNoising from(PluginConfig c) {
    int steps = c.getInt("num_train_timesteps", 1000);
    double start = c.getDouble("beta_start", 0.0001);
    double end = c.getDouble("beta_end", 0.02);
    String kind = c.getString("beta_schedule", "linear");
    double[] betas = new double[steps];
    for (int t = 0; t < steps; t++) {
      double f = steps == 1 ? 0 : (double) t / (steps - 1);
      betas[t] = switch (kind) {
        case "linear" -> start + f * (end - start);
        case "scaled_linear" -> Math.pow(Math.sqrt(start) + f * (Math.sqrt(end) - Math.sqrt(start)), 2);
        case "squaredcos_cap_v2" -> Math.min(1 - cosine(t + 1, steps) / cosine(t, steps), 0.999);
        default -> throw new IllegalArgumentException("beta_schedule '" + kind + "' is not supported for "
            + "training; use linear, scaled_linear or squaredcos_cap_v2");
      };
    }
    return new ForwardNoising(new NoiseSchedule(betas), c.getString("prediction_type", "epsilon"));
  }

  private static double cosine(int t, int steps) {
    double x = ((double) t / steps + 0.008) / 1.008 * Math.PI / 2;
    return Math.cos(x) * Math.cos(x);
  }

  public NoiseSchedule schedule() {
    return schedule;
  }

  /** What the network predicts: {@code epsilon}, {@code v_prediction} or {@code sample}. */
  public String predictionType() {
    return predictionType;
  }

  /** x_t for samples [B, ...] at timesteps t (one per sample). */
  public NDArray noisy(NDArray x0, NDArray noise, int[] t) {
    return x0.mul(coefficients(x0, t, true)).add(noise.mul(coefficients(x0, t, false)));
  }

  /** What the network predicts at x_t: the noise, v = sqrt(abar) eps - sqrt(1 - abar) x0, or x0. */
  public NDArray target(NDArray x0, NDArray noise, int[] t) {
    return switch (predictionType) {
      case "epsilon" -> noise;
      case "sample" -> x0;
      default -> noise.mul(coefficients(x0, t, true)).sub(x0.mul(coefficients(x0, t, false)));
    };
  }

  /** sqrt(abar_t) (signal) or sqrt(1 - abar_t) (noise) per sample, shaped to broadcast over x. */
  private NDArray coefficients(NDArray x, int[] t, boolean signal) {
    float[] c = new float[t.length];
    for (int i = 0; i < t.length; i++) {
      double abar = schedule.alphaCumprod(t[i]);
      c[i] = (float) Math.sqrt(signal ? abar : 1 - abar);
    }
    long[] shape = new long[x.getShape().dimension()];
    java.util.Arrays.fill(shape, 1);
    shape[0] = t.length;
    NDManager m = x.getManager();
    return m.create(c, new Shape(shape));
  }
}
