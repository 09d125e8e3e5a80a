package dev.crossnet.api.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;
import java.util.Set;

/**
 * A typed key for something a loss reads from a training step. A loss declares the inputs it needs
 * ({@link TrainingLoss#requires()}), so the trainer can fail before training when it cannot supply them.
 *
 * @param name a readable name for messages
 * @param type the value's class
 * @param <T> the value's type
 */
public record LossInput<T>(String name, Class<T> type) {

  /** The network's prediction (noise, v or x0, whatever the model predicts), [B, C, H, W]. */
  public static final LossInput<NDArray> PREDICTION = new LossInput<>("prediction", NDArray.class);
  /** What the prediction should have been, same shape. */
  public static final LossInput<NDArray> TARGET = new LossInput<>("target", NDArray.class);
  /** Where the loss counts, [B, 1, H, W] in [0, 1] at the prediction's resolution. */
  public static final LossInput<NDArray> MASK = new LossInput<>("mask", NDArray.class);
  /**
   * Per-example weights of a denoising loss, [B] (for example min-SNR weighting); a loss that reads them
   * averages each example's error weighted by its weight. Optional: absent, every example counts once.
   */
  public static final LossInput<NDArray> EXAMPLE_WEIGHTS = new LossInput<>("example weights", NDArray.class);
  /** The timesteps of the batch, [B]. */
  public static final LossInput<NDArray> TIMESTEPS = new LossInput<>("timesteps", NDArray.class);
  /** The learned token embeddings being optimised, [K, D]. */
  public static final LossInput<NDArray> LEARNED_EMBEDDINGS = new LossInput<>("learned embeddings", NDArray.class);
  /**
   * Embeddings of vocabulary words grouped by part of speech ("noun", "adjective", "verb",
   * "preposition"), each [N, D].
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final LossInput<Map<String, NDArray>> WORDS_BY_PART_OF_SPEECH =
      new LossInput<>("words by part of speech", (Class<Map<String, NDArray>>) (Class) Map.class);
  /** Cross-attention maps of the learned token(s), one [B, H*W] (or [B, K, H, W]) per layer. */
  public static final LossInput<NDList> TOKEN_ATTENTION_MAPS = new LossInput<>("token attention maps", NDList.class);
  /** The number of instances the caption asks for, [B]. */
  public static final LossInput<NDArray> REQUESTED_COUNT = new LossInput<>("requested count", NDArray.class);

  /** The inputs every denoising step can supply. */
  public static Set<LossInput<?>> basic() {
    return Set.of(PREDICTION, TARGET, TIMESTEPS);
  }
}
