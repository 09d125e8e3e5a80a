package dev.crossnet.losses.reconstruction;

import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;
import java.util.Locale;

/**
 * The "reconstruction" loss plugin. Config: {@code masked} (default true: use the step's mask when it has
 * one) and {@code error}: {@code "squared"} (default) or {@code "absolute"}.
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
    boolean masked = config.getBoolean("masked", true);
    String error = config.getString("error", "squared");
    return switch (error) {
      case "squared" -> new ReconstructionLoss(masked, ReconstructionLoss.Error.SQUARED);
      case "absolute" -> new ReconstructionLoss(masked, ReconstructionLoss.Error.ABSOLUTE);
      default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
          "reconstruction loss: error \"%s\" is not known; use \"squared\" or \"absolute\"", error));
    };
  }
}
