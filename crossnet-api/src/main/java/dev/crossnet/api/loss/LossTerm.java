package dev.crossnet.api.loss;

import dev.crossnet.api.plugin.PluginConfig;

/**
 * A named, weighted loss in a parameter group: which loss plugin, how much it counts, its settings, and its
 * place in the group's sum (lower first, ties by loss name).
 */
public record LossTerm(String loss, double weight, int order, PluginConfig config) {

  public LossTerm {
    if (loss == null || loss.isBlank()) {
      throw new IllegalArgumentException("a loss term needs the loss plugin's name");
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("loss term '" + loss + "' has weight " + weight
          + "; a weight must be a finite number >= 0");
    }
    java.util.Objects.requireNonNull(config, "config");
  }

  public static LossTerm of(String loss, double weight) {
    return new LossTerm(loss, weight, 0, PluginConfig.empty());
  }
}
