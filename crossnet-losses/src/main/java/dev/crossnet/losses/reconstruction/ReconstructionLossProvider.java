package dev.crossnet.losses.reconstruction;

import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;

/**
 * The "reconstruction" loss plugin. Config: {@code masked} (default true: use the step's mask when it has
 * one).
 */
public final class ReconstructionLossProvider implements LossProvider {

  @Override
  public String name() {
    return "reconstruction";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public String description() {
    return "mean squared denoising error, optionally restricted to the subject's mask";
  }

  @Override
  public TrainingLoss create(PluginConfig config) {
    return new ReconstructionLoss(config.getBoolean("masked", true));
  }
}
