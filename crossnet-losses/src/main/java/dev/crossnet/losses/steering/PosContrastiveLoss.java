package dev.crossnet.losses.steering;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.TrainingLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * ReVersion's relation-steering contrastive loss (Huang et al., "ReVersion: Diffusion-Based Relation
 * Inversion from Images", {@code calculate_steer_loss} in its {@code train.py}): a multi-instance InfoNCE
 * over cosine similarities of the learned token's embedding r with positive words P and negative words N,
 *
 * <pre>
 *   s(x)  = cos(r, x) / tau
 *   L     = logsumexp_{x in P u N} s(x)  -  logsumexp_{x in P} s(x)
 *         = -log( sum_P exp s(p) / sum_{P u N} exp s(x) )
 * </pre>
 *
 * averaged over the learned rows when several tokens are trained. The word embeddings are constants (no
 * gradient), as in ReVersion, so only the learned token moves.
 *
 * <p>Where CrossNet differs: ReVersion samples its positives from a fixed preposition list and takes as
 * negatives the non-stop words of the step's captions; here both are sampled with the step's random source
 * from the part-of-speech sets the trainer supplies (positives from prepositions and verbs, negatives from
 * nouns and adjectives), without replacement, so a step's loss is a pure function of the step.
 */
public final class PosContrastiveLoss implements TrainingLoss {

  /**
   * @param temperature tau, > 0
   * @param positives positive words sampled per step, >= 1
   * @param negatives negative words sampled per step, >= 1
   * @param positiveClasses part-of-speech keys positives are drawn from
   * @param negativeClasses part-of-speech keys negatives are drawn from
   */
  public record Settings(double temperature, int positives, int negatives, List<String> positiveClasses,
      List<String> negativeClasses) {

    public Settings {
      if (!(temperature > 0) || Double.isInfinite(temperature)) {
        throw new IllegalArgumentException("pos-contrastive: temperature must be a finite number > 0, got "
            + temperature);
      }
      if (positives < 1 || negatives < 1) {
        throw new IllegalArgumentException("pos-contrastive: positives and negatives must be >= 1, got "
            + positives + " and " + negatives);
      }
      positiveClasses = List.copyOf(positiveClasses);
      negativeClasses = List.copyOf(negativeClasses);
      if (positiveClasses.isEmpty() || negativeClasses.isEmpty()) {
        throw new IllegalArgumentException("pos-contrastive: positive-classes and negative-classes must each "
            + "name at least one part of speech, e.g. \"preposition,verb\" and \"noun,adjective\"");
      }
    }
  }

  private final Settings settings;

  public PosContrastiveLoss(Settings settings) {
    this.settings = settings;
  }

  /** The settings this loss was made with. */
  public Settings settings() {
    return settings;
  }

  @Override
  public Set<LossInput<?>> requires() {
    return Set.of(LossInput.LEARNED_EMBEDDINGS, LossInput.WORDS_BY_PART_OF_SPEECH);
  }

  @Override
  public NDArray compute(LossContext context) {
    NDArray learned = context.get(LossInput.LEARNED_EMBEDDINGS);
    if (learned.getShape().dimension() == 1) {
      learned = learned.reshape(1, -1);
    }
    Map<String, NDArray> words = context.get(LossInput.WORDS_BY_PART_OF_SPEECH);
    SplittableRandom random = context.random();
    NDArray positive = sample(words, settings.positiveClasses(), settings.positives(), random, "positive");
    NDArray negative = sample(words, settings.negativeClasses(), settings.negatives(), random, "negative");
    long width = learned.getShape().get(1);
    if (positive.getShape().get(1) != width) {
      throw new IllegalArgumentException("pos-contrastive: word embeddings are " + positive.getShape().get(1)
          + " wide but the learned embeddings " + width + "; build the word sets from the same text encoder");
    }
    NDArray candidates = unit(NDArrays.concat(new NDList(positive, negative), 0)).stopGradient();
    NDArray logits = unit(learned).matMul(candidates.transpose()).div(scalar(learned, settings.temperature()));
    long p = positive.getShape().get(0);
    NDArray all = logSumExp(logits);
    NDArray positives = logSumExp(logits.get(":, :{}", p));
    return all.sub(positives).mean();
  }

  /** Rows of the union of the classes, drawn without replacement (all of them when there are fewer). */
  private static NDArray sample(Map<String, NDArray> words, List<String> classes, int count,
      SplittableRandom random, String role) {
    List<NDArray> pools = new ArrayList<>();
    long total = 0;
    for (String c : classes) {
      NDArray set = words.get(c);
      if (set == null || set.getShape().dimension() != 2 || set.getShape().get(0) == 0) {
        throw new IllegalArgumentException("pos-contrastive: the " + role + " word set '" + c + "' is "
            + (set == null ? "missing" : "empty or not [N, D] (" + set.getShape() + ")") + "; the trainer "
            + "supplied " + words.keySet() + ". Build the sets with PartOfSpeechSets for the model's vocabulary, "
            + "or change '" + role + "-classes'");
      }
      pools.add(set);
      total += set.getShape().get(0);
    }
    int n = (int) Math.min(count, total);
    long[] order = new long[(int) total];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // partial Fisher-Yates: the first n entries are a uniform sample without replacement
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(order.length - i);
      long t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    NDList rows = new NDList();
    for (int i = 0; i < n; i++) {
      rows.add(row(pools, order[i]));
    }
    return NDArrays.stack(rows, 0);
  }

  private static NDArray row(List<NDArray> pools, long index) {
    long i = index;
    for (NDArray pool : pools) {
      long size = pool.getShape().get(0);
      if (i < size) {
        return pool.get(i);
      }
      i -= size;
    }
    throw new IllegalStateException("row " + index + " outside the word pools");
  }

  private static NDArray unit(NDArray rows) {
    return rows.div(rows.norm(new int[] {1}, true).maximum(scalar(rows, 1e-12)));
  }

  /**
   * A libtorch-owned scalar. DJL's {@code x.div(0.07f)} wraps the number over a Java buffer that may be
   * garbage-collected before the backward pass reads it (autograd keeps it), which turns gradients into NaN.
   */
  static NDArray scalar(NDArray like, double value) {
    return like.getManager().full(new ai.djl.ndarray.types.Shape(), (float) value, like.getDataType());
  }

  /** log sum exp over the last axis, [K, M] to [K]; the shift keeps exp from overflowing at tau = 0.07. */
  private static NDArray logSumExp(NDArray logits) {
    NDArray shift = logits.max(new int[] {1}, true).stopGradient();
    return logits.sub(shift).exp().sum(new int[] {1}).log().add(shift.squeeze(1));
  }
}
