package dev.crossnet.examples.train;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.defaultmodel.AdapterConditions;
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
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.model.unet.IpAdapter;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains an image adapter (a small image encoder and an IP-Adapter) for a built-in model, with the model frozen, and
 * writes it as the model folder's {@code image_encoder/} and {@code ip_adapter/}. An inpainting UNet is shown each
 * scene with the figure's edit region blanked, as an edit shows it. Resumes from its checkpoints under
 * {@code --work}; a larger {@code --steps} goes on training. {@code --plus N} trains an IP-Adapter Plus (a resampler
 * of N tokens over the encoder's patch features) instead of the plain adapter.
 *
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -Djava.awt.headless=true \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.train.TrainImageAdapter --work runs/adapter --steps 6000 --deadline 05:00
 * </pre>
 */
@Command(name = "TrainImageAdapter", sortOptions = false, sortSynopsis = false,
    description = "Trains an image adapter for a built-in model (model frozen) and writes it as "
        + "image_encoder/ and ip_adapter/; resumes from its checkpoints.")
public final class TrainImageAdapter implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "figureworld",
      description = "The frozen model: a built-in model or a diffusers folder whose --world scenes it draws "
          + "(default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "The model's FigureWorld scenes and noise schedule: standard or main-subject (default: "
          + "${DEFAULT-VALUE}).")
  ModelGeneration world;

  @Option(names = "--encoder-from", paramLabel = "MODEL",
      description = "Take the image encoder from this model's image_encoder/ (a built-in model or a folder) instead "
          + "of training one in stage one (default: train one).")
  Path encoderFrom;

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

  @Option(names = "--plus", paramLabel = "TOKENS", defaultValue = "0",
      description = "Train an IP-Adapter Plus with this many image-prompt tokens: a resampler reading the encoder's "
          + "patch features instead of a projection of its pooled embedding; 0 trains the plain adapter (default: "
          + "${DEFAULT-VALUE}).")
  int plusTokens;

  @Option(names = "--plus-width", paramLabel = "N", defaultValue = "128",
      description = "The Plus resampler's width, a multiple of 64 (heads of 64, as published; default: "
          + "${DEFAULT-VALUE}).")
  int plusWidth;

  @Option(names = "--plus-depth", paramLabel = "N", defaultValue = "2",
      description = "The Plus resampler's perceiver blocks (default: ${DEFAULT-VALUE}).")
  int plusDepth;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "11",
      description = "Initialisation and batch seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  CheckpointOptions checkpoints;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Model folder to write image_encoder/ and ip_adapter/ into (default: adapter/ in --work).")
  Path export;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TrainImageAdapter(), args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    BooleanSupplier stop = checkpoints.stop();
    int every = checkpoints.every();
    DefaultModelConfig config = world.config();
    boolean predictsV = config.predictionType().equals(DefaultModelConfig.V_PREDICTION);
    ImageAdapterConfig sizes = ImageAdapterConfig.standard();
    SceneOptions options = world.scenes().withSplit(Split.TRAIN);
    SceneOptions heldOutScenes = world.scenes().withSplit(Split.HELD_OUT);
    long t0 = System.nanoTime();
    AdapterExamples examples = AdapterExamples.make(options, scenes, 3_000_000L, 40_000_000L, sizes.processor());
    FigureWorldImages images = FigureWorldImages.render(options, scenes, 3_000_000L);
    System.out.printf(Locale.ROOT, "made %d examples of %d scenes in %.1f s%n", examples.count(), scenes,
        (System.nanoTime() - t0) / 1e9);
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss",
        "add crossnet-losses to the class path");
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel diffusion = DiffusionModel.load(ModelArgument.folder(model), manager);
      boolean inpainting = InpaintingUnets.isInpainting(diffusion.unet().config());
      LatentSet latents = latents("latents-" + scenes + ".bin", diffusion, images, manager);
      Optional<AdapterConditions> conditions = inpainting
          ? Optional.of(conditions("blanked-" + scenes + ".bin", diffusion, examples, images, manager))
          : Optional.empty();
      ClipVisionModel encoder = encoder(examples, losses, manager);
      AdapterExamples heldOut = AdapterExamples.make(heldOutScenes, 500, 5_000_000L, 41_000_000L, sizes.processor());
      double[] read = ImageEncoderTraining.accuracy(encoder, examples, heldOut, manager);
      System.out.printf(Locale.ROOT, "image encoder on %d held-out crops (nearest class mean): kind %.1f %%, "
          + "colour %.1f %%, hat %.1f %%, size %.1f %%%n", heldOut.count(), 100 * read[0], 100 * read[1],
          100 * read[2], 100 * read[3]);
      IpAdapter adapter = plusTokens > 0
          ? IpAdapter.initialisePlus(diffusion.unet(), encoder.config().hiddenSize(), plusWidth, plusTokens,
              plusDepth, seed + 1, manager)
          : IpAdapter.initialise(diffusion.unet(), sizes.projection(), sizes.tokens(), seed + 1, manager);
      TrainingRun run = new TrainingRun(steps, batch, seed, Optional.of(work.resolve("checkpoints")), every, stop);
      AdapterTraining.Settings settings =
          AdapterTraining.Settings.standard().withLearningRates(learningRate, encoderLearningRate);
      Path csv = work.resolve("loss.csv");
      AdapterTraining.train(diffusion, encoder, adapter, examples, latents, conditions, config.alphasCumprod(),
          predictsV, run, settings, losses, manager, ProgressListener.NONE, new LossLog(csv, "adapter", batch, 20),
          Cancellation.never());
      if (Files.exists(csv)) {
        LossPlot.draw(csv, work.resolve("loss.png"), "adapter denoising loss");
      }
      FigureWorldImages heldOutImages = FigureWorldImages.render(heldOutScenes, 500, 5_000_000L);
      LatentSet heldOutLatents = latents("held-out-latents.bin", diffusion, heldOutImages, manager);
      Optional<AdapterConditions> heldOutConditions = inpainting
          ? Optional.of(conditions("held-out-blanked.bin", diffusion, heldOut, heldOutImages, manager))
          : Optional.empty();
      double[] error = AdapterTraining.regionError(diffusion, encoder, adapter, heldOut, heldOutLatents,
          heldOutConditions, config.alphasCumprod(), predictsV, manager);
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

  /** Stage one, or the encoder of {@code --encoder-from}. */
  private ClipVisionModel encoder(AdapterExamples examples, PluginRegistry<LossProvider> losses,
      NDManager manager) {
    if (encoderFrom != null) {
      return ClipVisionModel.load(encoderFolder(encoderFrom), manager);
    }
    ClipVisionModel encoder = ClipVisionModel.initialise(ImageAdapterConfig.standard().encoderConfig(), seed,
        manager);
    ImageEncoderTraining.train(encoder, examples, new TrainingRun(encoderSteps, encoderBatch, seed,
        Optional.of(work.resolve("encoder-checkpoints")), checkpoints.every(), () -> false), 1e-3, losses, manager,
        ProgressListener.NONE, new LossLog(work.resolve("encoder-loss.csv"), "encoder", encoderBatch, 100),
        Cancellation.never());
    return encoder;
  }

  /** The image encoder folder of {@code --encoder-from}'s model. */
  static Path encoderFolder(Path model) {
    Path folder = ModelArgument.folder(model).resolve(ImageAdapter.ENCODER_FOLDER);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--encoder-from " + model + ": no " + ImageAdapter.ENCODER_FOLDER
          + "/ folder at " + folder + "; name a model that has an image adapter (e.g. figureworld)");
    }
    return folder;
  }

  /** The pictures' latents, read from {@code name} in the work folder or encoded and written there. */
  private LatentSet latents(String name, DiffusionModel diffusion, FigureWorldImages images, NDManager manager) {
    Path file = work.resolve(name);
    if (Files.exists(file)) {
      LatentSet read = LatentSet.read(file);
      if (read.count() == images.count()) {
        return read;
      }
    }
    LatentSet latents = LatentSet.encode(diffusion.vae().orElseThrow(), images, 16, manager);
    latents.save(file);
    return latents;
  }

  /** The examples' blanked scenes, read from {@code name} in the work folder or encoded and written there. */
  private AdapterConditions conditions(String name, DiffusionModel diffusion, AdapterExamples examples,
      FigureWorldImages images, NDManager manager) {
    Path file = work.resolve(name);
    AdapterConditions made = null;
    if (Files.exists(file)) {
      LatentSet read = LatentSet.read(file);
      if (read.count() == examples.count()) {
        made = AdapterConditions.of(read, examples, diffusion.vae().orElseThrow(), manager);
      }
    }
    if (made == null) {
      made = AdapterConditions.encode(diffusion.vae().orElseThrow(), examples, images, 16, manager);
      made.blanked().save(file);
    }
    return made;
  }
}
