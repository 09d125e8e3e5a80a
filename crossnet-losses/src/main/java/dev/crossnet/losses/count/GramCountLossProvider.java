package dev.crossnet.losses.count;

import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;

/**
 * The "gram-count" loss plugin: {@link GramCountLoss}. Config keys: {@code kernel-width} (the instance
 * scale s as a fraction of the map side, default 0.3) and {@code floor} (the share of each map's maximum
 * below which attention counts as background, default 0.5: a map is cut at half its peak).
 */
public final class GramCountLossProvider implements LossProvider {

  @Override
  public String name() {
    return "gram-count";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String description() {
    return "instance count from the effective rank of the attention map's spatial Gram matrix";
  }

  @Override
  public TrainingLoss create(PluginConfig config) {
    return new GramCountLoss(config.getDouble("kernel-width", 0.3), config.getDouble("floor", 0.5));
  }
}
