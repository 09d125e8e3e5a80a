package dev.crossnet.examples.train;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.defaultmodel.AdapterExamples;
import dev.crossnet.core.defaultmodel.AdapterTraining;
import dev.crossnet.core.defaultmodel.DefaultModelConfig;
import dev.crossnet.core.defaultmodel.FigureWorldImages;
import dev.crossnet.core.defaultmodel.ImageAdapterConfig;
import dev.crossnet.core.defaultmodel.ImageEncoderTraining;
import dev.crossnet.core.defaultmodel.LatentSet;
import dev.crossnet.core.defaultmodel.TrainingRun;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.model.unet.IpAdapter;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains an image adapter (a small image encoder and an IP-Adapter) for the embedded default model, with the
 * model frozen, and writes it as the model folder's {@code image_encoder/} and {@code ip_adapter/}. Resumes from its
 * checkpoints under {@code --work}; a larger {@code --steps} goes on training.
 *
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -Djava.awt.headless=true \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.train.TrainImageAdapter --work runs/adapter --steps 6000 --deadline 05:00
 * </pre>
 */
@Command(name = "TrainImageAdapter", sortOptions = false, sortSynopsis = false,
    description = "Trains an image adapter for the embedded default model (model frozen) and writes it as "
        + "image_encoder/ and ip_adapter/; resumes from its checkpoints.")
public final class TrainImageAdapter implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "runs/adapter",
      description = "Work folder: checkpoints, latents, losses and the export (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "8000",
      description = "Training scenes (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "6000",
      description = "Optimisation steps in all (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
      description = "Examples per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "5e-4",
      description = "AdamW learning rate of the adapter (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--encoder-lr", paramLabel = "RATE", defaultValue = "0",
      description = "AdamW learning rate of the image encoder in stage two, 0 to keep it frozen (default: "
          + "${DEFAULT-VALUE}).")
  double encoderLearningRate;

  @Option(names = "--encoder-steps", paramLabel = "N", defaultValue = "1500",
      description = "Stage one: steps of the image encoder learning to read the look (default: ${DEFAULT-VALUE}).")
  int encoderSteps;

  @Option(names = "--encoder-batch", paramLabel = "N", defaultValue = "128",
      description = "Stage one: crops per step (default: ${DEFAULT-VALUE}).")
  int encoderBatch;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "11",
      description = "Initialisation and batch seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "100",
      description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
  int every;

  @Option(names = "--deadline", paramLabel = "HH:MM",
      description = "HH:MM (UTC): stop at the first checkpoint after the next such time, tomorrow's if it "
          + "has passed today (default: none).")
  LocalTime deadline;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Model folder to write image_encoder/ and ip_adapter/ into (default: adapter/ in --work).")
  Path export;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TrainImageAdapter(), args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    BooleanSupplier stop = Deadline.stopAfter(deadline);
    DefaultModelConfig config = DefaultModelConfig.standard();
    ImageAdapterConfig sizes = ImageAdapterConfig.standard();
    SceneOptions options = SceneOptions.defaults().withSplit(Split.TRAIN);
    long t0 = System.nanoTime();
    AdapterExamples examples = AdapterExamples.make(options, scenes, 3_000_000L, 40_000_000L, sizes.processor());
    FigureWorldImages images = FigureWorldImages.render(options, scenes, 3_000_000L);
    System.out.printf(Locale.ROOT, "made %d examples of %d scenes in %.1f s%n", examples.count(), scenes,
        (System.nanoTime() - t0) / 1e9);
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss",
        "add crossnet-losses to the class path");
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DefaultModel.load(manager);
      Path latentFile = work.resolve("latents-" + scenes + ".bin");
      LatentSet latents;
      if (Files.exists(latentFile)) {
        latents = LatentSet.read(latentFile);
      } else {
        latents = LatentSet.encode(model.vae().orElseThrow(), images, 64, manager);
        latents.save(latentFile);
      }
      ClipVisionModel encoder = ClipVisionModel.initialise(sizes.encoderConfig(), seed, manager);
      ImageEncoderTraining.train(encoder, examples, new TrainingRun(encoderSteps, encoderBatch, seed,
          Optional.of(work.resolve("encoder-checkpoints")), every, () -> false), 1e-3, losses, manager,
          ProgressListener.NONE, new LossLog(work.resolve("encoder-loss.csv"), "encoder", encoderBatch, 100),
          Cancellation.never());
      AdapterExamples heldOut = AdapterExamples.make(SceneOptions.defaults().withSplit(Split.HELD_OUT), 500,
          5_000_000L, 41_000_000L, sizes.processor());
      double[] read = ImageEncoderTraining.accuracy(encoder, examples, heldOut, manager);
      System.out.printf(Locale.ROOT, "image encoder on %d held-out crops (nearest class mean): kind %.1f %%, "
          + "colour %.1f %%, hat %.1f %%, size %.1f %%%n", heldOut.count(), 100 * read[0], 100 * read[1],
          100 * read[2], 100 * read[3]);
      IpAdapter adapter = IpAdapter.initialise(model.unet(), sizes.projection(), sizes.tokens(), seed + 1, manager);
      TrainingRun run = new TrainingRun(steps, batch, seed, Optional.of(work.resolve("checkpoints")), every, stop);
      AdapterTraining.Settings settings =
          AdapterTraining.Settings.standard().withLearningRates(learningRate, encoderLearningRate);
      Path csv = work.resolve("loss.csv");
      AdapterTraining.train(model, encoder, adapter, examples, latents, config.alphasCumprod(),
          config.predictionType().equals(DefaultModelConfig.V_PREDICTION), run, settings, losses, manager,
          ProgressListener.NONE, new LossLog(csv, "adapter", batch, 20), Cancellation.never());
      if (Files.exists(csv)) {
        LossPlot.draw(csv, work.resolve("loss.png"), "adapter denoising loss (noise MSE)");
      }
      LatentSet heldOutLatents = LatentSet.encode(model.vae().orElseThrow(),
          FigureWorldImages.render(SceneOptions.defaults().withSplit(Split.HELD_OUT), 500, 5_000_000L), 64, manager);
      double[] error = AdapterTraining.regionError(model, encoder, adapter, heldOut, heldOutLatents,
          config.alphasCumprod(), config.predictionType().equals(DefaultModelConfig.V_PREDICTION), manager);
      System.out.printf(Locale.ROOT, "held-out denoising error inside the figure (%d scenes): %.5f with its "
          + "picture, %.5f without (%.1f %% lower)%n", heldOut.count(), error[0], error[1],
          100 * (error[1] - error[0]) / error[1]);
      Path out = export != null ? export : work.resolve("adapter");
      new ImageAdapter(encoder, sizes.processor(), adapter).save(out, sizes.encoderConfigText(),
          sizes.processorConfigText());
      System.out.println("wrote " + out.resolve(ImageAdapter.ENCODER_FOLDER) + " and "
          + out.resolve(ImageAdapter.ADAPTER_FOLDER));
    }
    return CommandLines.OK;
  }
}
