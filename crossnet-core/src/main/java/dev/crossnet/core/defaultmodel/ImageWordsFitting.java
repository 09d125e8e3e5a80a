package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.OptimizerOptions;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageWords;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fits a model's {@link ImageWords} to pairs of a picture's image embedding and the phrase that describes what it
 * shows (e.g. "small red cat with a hat"): each slot's row is pulled to the row of the phrase's token in that
 * place in the model's token-embedding table, its gate to 1, and the slots past the phrase's end have their gates
 * pulled to 0, all by the "reconstruction" loss plugin (squared error, averaged over what is asked of each slot).
 * The image encoder and the model stay frozen; nothing goes through the denoiser, so a fit takes seconds to
 * minutes. Resumes from the run's checkpoints.
 */
public final class ImageWordsFitting {

  private ImageWordsFitting() {}

  /** What a fit is fitted to: per example an image embedding and the phrase it stands for. */
  public record Pairs(float[][] embeddings, List<String> phrases) {

    public Pairs {
      if (embeddings.length == 0 || embeddings.length != phrases.size()) {
        throw new IllegalArgumentException("need one phrase per embedding and at least one pair, got "
            + embeddings.length + " embeddings and " + phrases.size() + " phrases");
      }
    }

    public int count() {
      return embeddings.length;
    }
  }

  /** FigureWorld's pairs: each example's look crop through the encoder, and its look in caption words. */
  public static Pairs pairs(ClipVisionModel encoder, AdapterExamples examples, NDManager manager) {
    try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      float[][] embeddings = ImageEncoderTraining.embeddings(encoder, examples, scope);
      return new Pairs(embeddings, IntStream.range(0, examples.count()).mapToObj(examples::look).toList());
    }
  }

  /**
   * What the fit aims at, per pair and flat [tokens x (word_dim + 1)]: each slot's row and gate, and which of their
   * values count (1) in the loss.
   */
  record Targets(float[][] values, float[][] masks) {}

  /**
   * The targets of every pair.
   *
   * @throws IllegalArgumentException when a phrase is empty or has more tokens than the words have slots
   */
  static Targets targets(Pairs pairs, DiffusionModel model, ImageWords.Config config) {
    int k = config.tokens();
    int d = config.wordDim();
    float[][] out = new float[pairs.count()][];
    float[][] masks = new float[pairs.count()][];
    Map<String, float[]> cache = new LinkedHashMap<>();
    try (NDManager scope = model.textEncoder().tokenEmbeddings().getManager().newSubManager();
        GradMode off = GradMode.disabled()) {
      NDArray table = model.textEncoder().tokenEmbeddings();
      for (int i = 0; i < pairs.count(); i++) {
        String phrase = pairs.phrases().get(i);
        float[] rows = cache.computeIfAbsent(phrase, p -> {
          int[] ids = model.tokenizer().tokenize(p);
          if (ids.length == 0 || ids.length > k) {
            throw new IllegalArgumentException("the phrase '" + p + "' is " + ids.length + " tokens; image words of "
                + k + " slots fit phrases of 1 to " + k + " tokens: give more slots or shorter phrases");
          }
          long[] longs = new long[ids.length];
          for (int j = 0; j < ids.length; j++) {
            longs[j] = ids[j];
          }
          NDArray picked = table.get(scope.create(longs));
          float[] flat = picked.toFloatArray();
          picked.close();
          return flat;
        });
        int n = rows.length / d;
        float[] target = new float[k * (d + 1)];
        float[] mask = new float[k * (d + 1)];
        for (int slot = 0; slot < k; slot++) {
          int base = slot * (d + 1);
          if (slot < n) {
            System.arraycopy(rows, slot * d, target, base, d);
            target[base + d] = 1;
            Arrays.fill(mask, base, base + d + 1, 1f);
          } else {
            mask[base + d] = 1;
          }
        }
        out[i] = target;
        masks[i] = mask;
      }
    }
    return new Targets(out, masks);
  }

  /**
   * Fits the words in place (resuming from the run's checkpoints when there are some).
   *
   * @return the last step's loss values
   */
  public static Map<String, Double> fit(ImageWords words, Pairs pairs, DiffusionModel model, TrainingRun run,
      double learningRate, PluginRegistry<LossProvider> losses, NDManager manager, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    ImageWords.Config config = words.config();
    Targets targets = targets(pairs, model, config);
    int width = config.tokens() * (config.wordDim() + 1);
    int embedDim = config.embedDim();
    ParameterGroup group = ParameterGroup.named("image_words")
        .parameters(new ArrayList<>(words.namedParameters().keySet()))
        .optimizer(OptimizerOptions.adamW(learningRate).withGradientClip(1.0))
        .loss(new LossTerm("reconstruction", 1.0, 0, PluginConfig.of("masked", true)))
        .build();
    Trainer.Builder builder = Trainer.builder()
        .parameters(words.namedParameters())
        .groups(List.of(group))
        .losses(losses)
        .seed(run.seed())
        .stateManager(manager.newSubManager())
        .metadata(Map.of("model", "image-words"))
        .step((scope, step) -> {
          int[] indices = FigureWorldImages.batchIndices(run.seed(), step, run.batch(), pairs.count());
          int b = indices.length;
          float[] embeds = new float[b * embedDim];
          float[] target = new float[b * width];
          float[] mask = new float[b * width];
          for (int j = 0; j < b; j++) {
            System.arraycopy(pairs.embeddings()[indices[j]], 0, embeds, j * embedDim, embedDim);
            System.arraycopy(targets.values()[indices[j]], 0, target, j * width, width);
            System.arraycopy(targets.masks()[indices[j]], 0, mask, j * width, width);
          }
          NDArray out = words.forward(scope.create(embeds, new Shape(b, embedDim))).reshape(b, 1, width);
          Map<LossInput<?>, Object> in = new LinkedHashMap<>();
          in.put(LossInput.PREDICTION, out);
          in.put(LossInput.TARGET, scope.create(target, new Shape(b, 1, width)));
          in.put(LossInput.MASK, scope.create(mask, new Shape(b, 1, width)));
          return in;
        });
    run.checkpoints().ifPresent(dir -> builder.checkpoints(new CheckpointStore(dir, 2), run.checkpointEvery()));
    try (Trainer trainer = builder.build()) {
      return TrainingRun.runInChunks(trainer, run, progress, listener, cancellation);
    }
  }

  /**
   * How well fitted words read held-out pairs, for reporting: the share whose kept slots are as many as the
   * phrase's tokens, the share of the phrase's tokens whose nearest table row (by cosine) is the row its slot
   * gives, and that share for each slot (over the pairs whose phrase reaches it; 0 where none does).
   *
   * @return {length right, tokens right, slot 0 right, slot 1 right, ...}
   */
  public static double[] agreement(ImageWords words, Pairs pairs, DiffusionModel model, NDManager manager) {
    int slots = words.config().tokens();
    int lengthRight = 0;
    int[] tokens = new int[slots];
    int[] tokensRight = new int[slots];
    try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      NDArray table = model.textEncoder().tokenEmbeddings().duplicate();
      table.attach(scope);
      NDArray unit = table.div(table.norm(new int[] {1}, true).add(1e-8f));
      for (int i = 0; i < pairs.count(); i++) {
        int[] ids = model.tokenizer().tokenize(pairs.phrases().get(i));
        try (NDManager one = scope.newSubManager()) {
          NDArray rows = words.rows(one.create(pairs.embeddings()[i], new Shape(1, words.config().embedDim())));
          lengthRight += rows.getShape().get(0) == ids.length ? 1 : 0;
          long[] picked = rows.matMul(unit.transpose()).argMax(1).toType(DataType.INT64, false).toLongArray();
          for (int j = 0; j < Math.min(ids.length, slots); j++) {
            tokens[j]++;
            tokensRight[j] += j < picked.length && picked[j] == ids[j] ? 1 : 0;
          }
        }
      }
    }
    double[] out = new double[2 + slots];
    out[0] = (double) lengthRight / pairs.count();
    out[1] = (double) IntStream.of(tokensRight).sum() / Math.max(1, IntStream.of(tokens).sum());
    for (int j = 0; j < slots; j++) {
      out[2 + j] = tokens[j] == 0 ? 0 : (double) tokensRight[j] / tokens[j];
    }
    return out;
  }
}
