package dev.crossnet.api.loss;

import dev.crossnet.api.plugin.PluginProvider;

/**
 * Contributes a {@link TrainingLoss} under a name ("reconstruction", "pos-contrastive", "gram-count").
 * Register it in {@code META-INF/services/dev.crossnet.api.loss.LossProvider}.
 */
public interface LossProvider extends PluginProvider<TrainingLoss> {}
