package dev.crossnet.losses.classification;

import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;

/**
 * The "cross-entropy" loss plugin. Config: {@code classes}, the class count of each head in the order their
 * logits appear, e.g. {@code [4, 8, 2]}.
 */
public final class MultiHeadCrossEntropyLossProvider implements LossProvider {

  @Override
  public String name() {
    return "cross-entropy";
  }

  @Override
  public String description() {
    return "softmax cross-entropy over one or more classification heads (config: classes)";
  }

  @Override
  public TrainingLoss create(PluginConfig config) {
    double[] counts = config.getDoubles("classes").orElseThrow(() -> new IllegalArgumentException(
        "the cross-entropy loss needs 'classes', the class count of each head, e.g. [4, 8, 2]"));
    int[] classes = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      classes[i] = (int) counts[i];
    }
    return new MultiHeadCrossEntropyLoss(classes);
  }
}
