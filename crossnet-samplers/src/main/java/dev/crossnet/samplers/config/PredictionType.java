package dev.crossnet.samplers.config;

import java.util.Locale;

/** What the model predicts (diffusers' {@code prediction_type}). */
public enum PredictionType {
  /** The added noise. */
  EPSILON,
  /** The velocity v = sqrt(abar) eps - sqrt(1 - abar) x_0. */
  V_PREDICTION,
  /** The clean sample x_0. */
  SAMPLE;

  /** The config spelling, e.g. {@code v_prediction}. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
