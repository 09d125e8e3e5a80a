package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.OptimizerOptions;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.model.vae.VaeConfig;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage one of the default model: the autoencoder, trained from scratch to reconstruct FigureWorld pictures
 * (the "reconstruction" loss on decoded versus original pixels, one parameter group "vae"). The latent mean is
 * decoded, so the autoencoder is deterministic; the scaling factor is set afterwards from the latents' spread
 * ({@link LatentSet#scalingFactor()}).
 *
 * <p>{@link Part#DECODER} fine-tunes the decoder alone on a trained autoencoder: the encoder and so every cached
 * latent stay exactly as they were, and a UNet trained on those latents keeps working, while the pictures it
 * decodes get sharper.
 */
public final class VaeTraining {

  private VaeTraining() {}

  /** Which weights a run trains. */
  public enum Part {
    /** Encoder and decoder: the latent space changes, so cached latents must be encoded again afterwards. */
    WHOLE,
    /** Decoder and post-quantisation convolution only: the latent space stays fixed. */
    DECODER;

    boolean trains(String parameterName) {
      return this == WHOLE || parameterName.startsWith("decoder.") || parameterName.startsWith("post_quant_conv.");
    }
  }

  /**
   * How a run trains.
   *
   * @param learningRate AdamW's learning rate
   * @param part the weights trained
   * @param error the reconstruction loss's {@code error} option: "squared" or "absolute"
   * @param figureWeight extra weight of figure pixels: the loss is a weighted mean with weight
   *     {@code 1 + figureWeight} on the figures and 1 elsewhere (0: a plain mean). Figures cover a few percent of a
   *     picture, so a plain mean lets the background decide, and figure colours blur into their outlines.
   */
  public record Settings(double learningRate, Part part, String error, double figureWeight) {

    public Settings {
      if (!(figureWeight >= 0) || Double.isInfinite(figureWeight)) {
        throw new IllegalArgumentException("the figure weight must be a finite number >= 0, got " + figureWeight);
      }
    }

    /** The whole autoencoder, squared error, every pixel alike. */
    public static Settings whole(double learningRate) {
      return new Settings(learningRate, Part.WHOLE, "squared", 0);
    }
  }

  /** A fresh autoencoder of this config with seeded random weights, in the manager. */
  public static AutoencoderKL initialise(DefaultModelConfig config, long seed, NDManager manager) {
    VaeConfig c = config.vaeConfig(1.0);
    try (NDManager scratch = manager.newSubManager()) {
      return AutoencoderKL.create(c, RandomParameters.store(s -> new AutoencoderKL(c, s), seed, scratch), manager);
    }
  }

  /**
   * Trains the autoencoder in place (resuming from the run's checkpoints when there are some).
   *
   * @return the last step's loss values
   */
  public static Map<String, Double> train(AutoencoderKL vae, FigureWorldImages images, TrainingRun run,
      Settings settings, PluginRegistry<LossProvider> losses, NDManager manager, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    List<String> trained = vae.namedParameters().keySet().stream().filter(settings.part()::trains).toList();
    ParameterGroup group = ParameterGroup.named("vae")
        .parameters(new ArrayList<>(trained))
        .optimizer(OptimizerOptions.adamW(settings.learningRate()).withGradientClip(1.0))
        .loss(new LossTerm("reconstruction", 1.0, 0, PluginConfig.of("error", settings.error())))
        .build();
    Trainer.Builder builder = Trainer.builder()
        .parameters(vae.namedParameters())
        .groups(List.of(group))
        .losses(losses)
        .seed(run.seed())
        .stateManager(manager.newSubManager())
        .metadata(Map.of("model", "default-model-vae", "part", settings.part().name().toLowerCase(Locale.ROOT)))
        .step((scope, step) -> {
          int[] indices = FigureWorldImages.batchIndices(run.seed(), step, run.batch(), images.count());
          NDArray pixels = images.pixels(indices, scope);
          NDArray decoded = vae.decode(vae.encode(pixels).mean());
          Map<LossInput<?>, Object> out = new LinkedHashMap<>();
          out.put(LossInput.PREDICTION, decoded);
          out.put(LossInput.TARGET, pixels);
          if (settings.figureWeight() > 0) {
            out.put(LossInput.MASK, images.figureWeights(indices, (float) settings.figureWeight(), scope));
          }
          return out;
        });
    run.checkpoints().ifPresent(dir -> builder.checkpoints(new CheckpointStore(dir, 2), run.checkpointEvery()));
    try (Trainer trainer = builder.build()) {
      return TrainingRun.runInChunks(trainer, run, progress, listener, cancellation);
    }
  }
}
