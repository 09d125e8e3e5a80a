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
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.text.PromptTokenizer;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Stage two of the default model: the UNet and the text encoder, trained together (from scratch, or on from
 * given weights) to predict the noise added to cached latents, or v, as the configuration's prediction type says. They are two parameter groups of one trainer, "unet" and
 * "text_encoder", each with the "reconstruction" loss and its own learning rate. A share of captions is
 * replaced by the empty prompt so that classifier-free guidance works.
 */
public final class DiffusionTraining {

  /**
   * @param unetLearningRate AdamW learning rate of the UNet
   * @param textLearningRate AdamW learning rate of the text encoder
   * @param captionDropout share of examples trained with the empty prompt
   * @param averageDecay decay of the exponential moving average of the weights (0: none); with averaging on,
   *     the networks hold the averaged weights when training returns
   * @param minSnrGamma min-SNR loss weighting: each example's error weighted min(SNR, gamma) / SNR for noise
   *     prediction, min(SNR, gamma) / (SNR + 1) for v (0: every example weighs 1)
   */
  public record Settings(double unetLearningRate, double textLearningRate, double captionDropout,
      double averageDecay, double minSnrGamma) {

    public Settings {
      if (minSnrGamma < 0) {
        throw new IllegalArgumentException("min-SNR gamma must be 0 (off) or positive, got " + minSnrGamma);
      }
    }

    /** Settings without min-SNR weighting. */
    public Settings(double unetLearningRate, double textLearningRate, double captionDropout, double averageDecay) {
      this(unetLearningRate, textLearningRate, captionDropout, averageDecay, 0);
    }

    /** Settings without weight averaging. */
    public Settings(double unetLearningRate, double textLearningRate, double captionDropout) {
      this(unetLearningRate, textLearningRate, captionDropout, 0);
    }
  }

  private DiffusionTraining() {}

  /**
   * Trains the networks in place (resuming from the run's checkpoints when there are some).
   *
   * @param latents the unscaled latents of the pictures whose captions {@code images} holds
   * @param scale the autoencoder's scaling factor
   * @return the last step's loss values
   */
  public static Map<String, Double> train(DiffusionNetworks networks, DefaultModelConfig config, LatentSet latents,
      float scale, FigureWorldImages images, PromptTokenizer tokenizer, TrainingRun run, Settings settings,
      PluginRegistry<LossProvider> losses, NDManager manager, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    if (latents.count() != images.count()) {
      throw new IllegalArgumentException(latents.count() + " latents for " + images.count() + " pictures");
    }
    int[][] tokens = new int[images.count()][];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = tokenizer.encode(images.caption(i));
    }
    int[] empty = tokenizer.encode("");
    double[] alphasCumprod = config.alphasCumprod();
    Map<String, NDArray> parameters = new LinkedHashMap<>(networks.unet().namedParameters());
    parameters.putAll(networks.textEncoder().namedParameters());
    ParameterGroup unet = ParameterGroup.named("unet")
        .parameters(new ArrayList<>(networks.unet().namedParameters().keySet()))
        .optimizer(OptimizerOptions.adamW(settings.unetLearningRate()).withGradientClip(1.0))
        .loss(LossTerm.of("reconstruction", 1.0))
        .build();
    ParameterGroup text = ParameterGroup.named("text_encoder")
        .parameters(new ArrayList<>(networks.textEncoder().namedParameters().keySet()))
        .optimizer(OptimizerOptions.adamW(settings.textLearningRate()).withGradientClip(1.0))
        .loss(LossTerm.of("reconstruction", 1.0))
        .build();
    Trainer.Builder builder = Trainer.builder()
        .parameters(parameters)
        .groups(List.of(unet, text))
        .losses(losses)
        .seed(run.seed())
        .averaging(settings.averageDecay())
        .stateManager(manager.newSubManager())
        .metadata(Map.of("model", "default-model-diffusion"))
        .step((scope, step) -> forward(networks, latents, scale, tokens, empty, alphasCumprod,
            config.predictionType().equals(DefaultModelConfig.V_PREDICTION), run, settings, step, scope));
    run.checkpoints().ifPresent(dir -> builder.checkpoints(new CheckpointStore(dir, 2), run.checkpointEvery()));
    try (Trainer trainer = builder.build()) {
      return TrainingRun.runInChunks(trainer, run, progress, listener, cancellation);
    }
  }

  private static Map<LossInput<?>, Object> forward(DiffusionNetworks networks, LatentSet latents, float scale,
      int[][] tokens, int[] empty, double[] alphasCumprod, boolean predictsV, TrainingRun run, Settings settings,
      int step, NDManager scope) {
    int b = run.batch();
    int[] indices = FigureWorldImages.batchIndices(run.seed(), step, b, latents.count());
    SplittableRandom r = new SplittableRandom(run.seed() * 0xBF58476D1CE4E5B9L + step * 7919L + 1);
    float[] x0 = latents.scaled(indices, scale);
    int per = x0.length / b;
    float[] noise = new float[x0.length];
    float[] noisy = new float[x0.length];
    float[] target = predictsV ? new float[x0.length] : noise;
    float[] weights = new float[b];
    float[] timesteps = new float[b];
    int length = tokens[0].length;
    long[] ids = new long[b * length];
    for (int i = 0; i < b; i++) {
      int t = r.nextInt(alphasCumprod.length);
      timesteps[i] = t;
      ForwardNoise.apply(x0, i * per, (i + 1) * per, alphasCumprod[t], predictsV, r, noise, noisy, target);
      weights[i] = (float) minSnrWeight(alphasCumprod[t], settings.minSnrGamma(), predictsV);
      int[] row = r.nextDouble() < settings.captionDropout() ? empty : tokens[indices[i]];
      for (int k = 0; k < length; k++) {
        ids[i * length + k] = row[k];
      }
    }
    Shape shape = latents.shape(b);
    NDArray text = networks.textEncoder().forward(scope.create(ids, new Shape(b, length))).lastHiddenState();
    NDArray prediction = networks.unet().forward(scope.create(noisy, shape),
        scope.create(timesteps).toType(DataType.FLOAT32, false), text);
    Map<LossInput<?>, Object> out = new LinkedHashMap<>();
    out.put(LossInput.PREDICTION, prediction);
    out.put(LossInput.TARGET, scope.create(target, shape));
    out.put(LossInput.TIMESTEPS, scope.create(timesteps));
    if (settings.minSnrGamma() > 0) {
      out.put(LossInput.EXAMPLE_WEIGHTS, scope.create(weights));
    }
    return out;
  }

  /**
   * The min-SNR weight of an example at a timestep whose cumulative alpha is {@code alphaBar} (Hang et al.,
   * "Efficient Diffusion Training via Min-SNR Weighting Strategy"); 1 when gamma is 0.
   */
  static double minSnrWeight(double alphaBar, double gamma, boolean predictsV) {
    if (gamma <= 0) {
      return 1;
    }
    double snr = alphaBar / (1 - alphaBar);
    return Math.min(snr, gamma) / (predictsV ? snr + 1 : snr);
  }
}
