package dev.crossnet.losses.steering;

import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;
import java.util.Arrays;
import java.util.List;

/**
 * The "pos-contrastive" loss plugin: ReVersion's relation-steering contrastive loss (L_steer).
 *
 * <p>Config keys and their defaults (ReVersion's {@code train.py} and the training command of its README):
 * <ul>
 *   <li>{@code temperature} (0.07: {@code --temperature} default),</li>
 *   <li>{@code positives}: positive words sampled per step (4: the README's {@code --num_positives}),</li>
 *   <li>{@code negatives}: negative words sampled per step (4; ReVersion takes the non-stop words of the
 *       step's two captions, about four, instead of sampling: see {@link PosContrastiveLoss}),</li>
 *   <li>{@code positive-classes} ("preposition,verb") and {@code negative-classes} ("noun,adjective"): the keys
 *       of {@code LossInput.WORDS_BY_PART_OF_SPEECH} to draw from.</li>
 * </ul>
 * The term's weight is the {@code LossTerm} weight; ReVersion's is {@link #REVERSION_WEIGHT}
 * ({@code --steer_loss_weight 0.01} in its README, next to {@code --denoise_loss_weight 1.0}).
 */
public final class PosContrastiveLossProvider implements LossProvider {

  /** ReVersion's weight of L_steer relative to the denoising loss (README training command). */
  public static final double REVERSION_WEIGHT = 0.01;

  @Override
  public String name() {
    return "pos-contrastive";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String description() {
    return "ReVersion relation steering: InfoNCE pulling learned tokens toward prepositions/verbs, away from "
        + "nouns/adjectives";
  }

  @Override
  public TrainingLoss create(PluginConfig config) {
    return new PosContrastiveLoss(new PosContrastiveLoss.Settings(
        config.getDouble("temperature", 0.07),
        config.getInt("positives", 4),
        config.getInt("negatives", 4),
        classes(config.getString("positive-classes", "preposition,verb")),
        classes(config.getString("negative-classes", "noun,adjective"))));
  }

  private static List<String> classes(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
