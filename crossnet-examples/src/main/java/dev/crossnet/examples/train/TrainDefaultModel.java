package dev.crossnet.examples.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.defaultmodel.ComponentAdapters;
import dev.crossnet.core.defaultmodel.DefaultModelConfig;
import dev.crossnet.core.defaultmodel.DefaultModelExporter;
import dev.crossnet.core.defaultmodel.DiffusionNetworks;
import dev.crossnet.core.defaultmodel.DiffusionTraining;
import dev.crossnet.core.defaultmodel.FigureWorldImages;
import dev.crossnet.core.defaultmodel.LatentSet;
import dev.crossnet.core.defaultmodel.TrainingRun;
import dev.crossnet.core.defaultmodel.VaeTraining;
import dev.crossnet.core.defaultmodel.WordBpeVocabulary;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.CaptionVocabulary;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.text.PromptTokenizer;
import dev.crossnet.core.text.PromptTokenizers;
import dev.crossnet.examples.cli.Choices;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains CrossNet's default model on FigureWorld from scratch and exports it as a diffusers folder. Stage
 * "vae" trains the autoencoder and caches the training set's latents; stage "unet" trains the UNet and the
 * text encoder jointly on them, then exports the model and draws samples from held-out captions; "all" runs
 * both. Every stage resumes from its checkpoints under {@code --work}; giving a larger step count goes on
 * training, {@code --unet-steps 0} only re-exports and re-samples.
 *
 * <p>VAE options: {@code --vae-figure-weight K} weighs figure pixels 1 + K times the background's (figures cover a
 * few percent of a picture); {@code --vae-error squared|absolute}; {@code --vae-part decoder} fine-tunes the
 * decoder of {@code vae-final/} alone, which keeps {@code latents.bin} and the UNet valid ({@code --vae-part
 * whole}, the default, re-encodes the latents afterwards, and the UNet must then adapt to them). {@code --deadline
 * HH:MM} (UTC) stops either stage at the next checkpoint after that time.
 *
 * <pre>
 * java -Dai.djl.pytorch.num_threads=2 -Djava.awt.headless=true \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.train.TrainDefaultModel --stage all --work /root/crossnet-runs/default \
 *   --vae-steps 1500 --unet-steps 20000 --deadline 13:00
 * </pre>
 *
 * {@code --vae-from DIR} takes a trained autoencoder (a diffusers {@code vae/} folder, e.g. from
 * {@code tools/gpu/train_vae.py}) instead of training one: it encodes the latents and writes {@code vae-final/}, and
 * the UNet stage goes on from there ({@code --stage unet --vae-from DIR} does both).
 *
 * {@code --unet-from DIR} starts the UNet stage from a model folder's UNet and text encoder instead of random
 * weights, so that the shipped default model v2 (trained by {@code tools/gpu/train_unet.py}) goes on training here:
 * {@code --model main-subject --stage unet --vae-from models/default-v2/vae --unet-from <the model folder>
 * --min-snr 5}.
 *
 * {@code --model main-subject} trains the default model v2 ({@link DefaultModelConfig#mainSubject()}: 128x128
 * scenes of {@link SceneOptions#mainSubject()}, an f = 8 autoencoder) instead of the 64x64 model ({@code standard}).
 *
 * On a CPU shared with other jobs, {@code -Dai.djl.pytorch.num_threads=1} is about three times faster than 2
 * (two OpenMP threads wait for each other whenever one is descheduled). Copy the jar and {@code lib/} elsewhere
 * before a long run, so that a rebuild does not change classes under it.
 *
 * <p>Writes under the work folder: {@code vae/} and {@code unet/} (checkpoints, {@code loss.csv},
 * {@code loss.png}), {@code vae-final/}, {@code latents.bin}, {@code tokenizer/}, {@code model/} (the export,
 * unless {@code --export} says elsewhere; float16 weights unless {@code --export-dtype f32}), {@code samples.png}
 * and {@code samples.txt}.
 */
@Command(name = "TrainDefaultModel", sortOptions = false, sortSynopsis = false,
    description = "Trains CrossNet's default model on FigureWorld from scratch and exports it as a diffusers "
        + "folder; every stage resumes from its checkpoints.")
public final class TrainDefaultModel implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--stage", paramLabel = "STAGE", defaultValue = "all",
      description = "What to train: vae, unet or all (default: ${DEFAULT-VALUE}).")
  String stage;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Which default model: standard (64x64) or main-subject (v2, 128x128) (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "/root/crossnet-runs/default",
      description = "Work folder: checkpoints, latents, losses, the export and samples (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--images", paramLabel = "N", defaultValue = "20000",
      description = "Training scenes (default: ${DEFAULT-VALUE}).")
  int imageCount;

  @Option(names = "--max-figures", paramLabel = "N", defaultValue = "3",
      description = "Most figures in a scene (default: ${DEFAULT-VALUE}).")
  int maxFigures;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--vae-steps", paramLabel = "N", defaultValue = "1500",
      description = "Autoencoder training steps (default: ${DEFAULT-VALUE}).")
  int vaeSteps;

  @Option(names = "--vae-batch", paramLabel = "N", defaultValue = "16",
      description = "Autoencoder batch size (default: ${DEFAULT-VALUE}).")
  int vaeBatch;

  @Option(names = "--vae-lr", paramLabel = "RATE", defaultValue = "1e-3",
      description = "Autoencoder learning rate (default: ${DEFAULT-VALUE}).")
  double vaeLr;

  @Option(names = "--vae-part", paramLabel = "PART", defaultValue = "whole",
      description = "What of the autoencoder trains: whole or decoder (keeps the latents and the UNet valid) "
          + "(default: ${DEFAULT-VALUE}).")
  VaeTraining.Part vaePart;

  @Option(names = "--vae-error", paramLabel = "ERROR", defaultValue = "squared",
      description = "Autoencoder reconstruction error: squared or absolute (default: ${DEFAULT-VALUE}).")
  String vaeError;

  @Option(names = "--vae-figure-weight", paramLabel = "K", defaultValue = "0",
      description = "Figure pixels weigh 1 + K times the background's (default: ${DEFAULT-VALUE}).")
  double figureWeight;

  @Option(names = "--unet-steps", paramLabel = "N", defaultValue = "20000",
      description = "UNet training steps; 0 only re-exports and re-samples (default: ${DEFAULT-VALUE}).")
  int unetSteps;

  @Option(names = "--unet-batch", paramLabel = "N", defaultValue = "32",
      description = "UNet batch size (default: ${DEFAULT-VALUE}).")
  int unetBatch;

  @Option(names = "--unet-lr", paramLabel = "RATE", defaultValue = "5e-4",
      description = "UNet learning rate (default: ${DEFAULT-VALUE}).")
  double unetLr;

  @Option(names = "--text-lr", paramLabel = "RATE", defaultValue = "2e-4",
      description = "Text encoder learning rate (default: ${DEFAULT-VALUE}).")
  double textLr;

  @Option(names = "--caption-dropout", paramLabel = "SHARE", defaultValue = "0.1",
      description = "Share of captions left empty, for classifier-free guidance (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0.999",
      description = "Decay of the weights' exponential moving average (default: ${DEFAULT-VALUE}).")
  double averageDecay;

  @Option(names = "--export-dtype", paramLabel = "TYPE", defaultValue = "f16",
      description = "Exported weights: f16 or f32 (default: ${DEFAULT-VALUE}).")
  String exportDtype;

  @Mixin
  CheckpointOptions checkpoints;

  @Option(names = "--vae-from", paramLabel = "DIR",
      description = "A trained autoencoder folder to use instead of training one (default: none).")
  String vaeFrom;

  @Option(names = "--unet-from", paramLabel = "DIR",
      description = "A model folder whose UNet and text encoder the UNet stage trains on from (the shipped "
          + "default model, an export, or tools/gpu/train_unet.py's), instead of random weights (default: none).")
  Path unetFrom;

  @Option(names = "--prediction", paramLabel = "TYPE",
      description = "What the UNet predicts: epsilon or v_prediction (default: the model's, v_prediction for "
          + "main-subject, epsilon for standard).")
  String prediction;

  @Option(names = "--min-snr", paramLabel = "GAMMA", defaultValue = "0",
      description = "Min-SNR loss weighting gamma, 0 for none (default: ${DEFAULT-VALUE}; tools/gpu trained the "
          + "main-subject model with 5).")
  double minSnr;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Where to export the model (default: model/ in --work).")
  Path exportFolder;

  @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "10",
      description = "Rows of held-out samples drawn after the export (default: ${DEFAULT-VALUE}).")
  int sampleRows;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TrainDefaultModel(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Choices.check("--stage", stage, "vae", "unet", "all");
    Choices.check("--vae-error", vaeError, "squared", "absolute");
    boolean half = Choices.check("--export-dtype", exportDtype, "f16", "f32").equals("f16");
    Path export = exportFolder != null ? exportFolder : work.resolve("model");
    Files.createDirectories(work);
    BooleanSupplier stop = checkpoints.stop();
    int every = checkpoints.every();
    DefaultModelConfig config = prediction == null ? generation.config()
        : generation.config().withPredictionType(Choices.check("--prediction", prediction,
            DefaultModelConfig.EPSILON, DefaultModelConfig.V_PREDICTION));
    SceneOptions scenes = generation.scenes().withFigures(1, maxFigures).withSplit(Split.TRAIN);
    long t0 = System.nanoTime();
    FigureWorldImages images = FigureWorldImages.render(scenes, imageCount, 1_000_000L);
    System.out.printf(Locale.ROOT, "rendered %d training scenes in %.1f s%n", imageCount, (System.nanoTime() - t0) / 1e9);
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss",
        "add crossnet-losses to the class path");
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      if (vaeFrom != null) {
        useVae(config, Path.of(vaeFrom), images, work, manager);
      } else if (stage.equals("vae") || stage.equals("all")) {
        VaeTraining.Settings settings = new VaeTraining.Settings(vaeLr, vaePart, vaeError, figureWeight);
        if (vaePart == VaeTraining.Part.WHOLE) {
          trainVae(config, images, work, new TrainingRun(vaeSteps, vaeBatch, seed, Optional.of(work.resolve("vae")),
              every, stop), settings, losses, manager);
        } else {
          trainDecoder(config, images, work, new TrainingRun(vaeSteps, vaeBatch, seed,
              Optional.of(work.resolve("vae-decoder")), every, stop), settings, losses, manager);
        }
      }
      if (stage.equals("unet") || stage.equals("all")) {
        trainDiffusion(config, images, work, new TrainingRun(unetSteps, unetBatch, seed,
            Optional.of(work.resolve("unet")), every, stop), new DiffusionTraining.Settings(unetLr, textLr, dropout, averageDecay,
            minSnr), losses, manager, export, half ? DataType.FLOAT16 : DataType.FLOAT32, scenes, sampleRows,
            Optional.ofNullable(unetFrom));
      }
    }
  }

  /**
   * Fine-tunes the decoder of {@code vae-final/} (encoder frozen, so {@code latents.bin} and any UNet trained on it
   * stay valid) and writes it back there with the same scaling factor. Run {@code --stage unet} afterwards (it
   * exports at once when its steps are done) to put the new decoder into the exported model.
   */
  private static void trainDecoder(DefaultModelConfig config, FigureWorldImages images, Path work, TrainingRun run,
      VaeTraining.Settings settings, PluginRegistry<LossProvider> losses, NDManager manager) throws Exception {
    if (!Files.exists(work.resolve("vae-final"))) {
      throw new IllegalStateException(work.resolve("vae-final") + " is missing; train the whole VAE first");
    }
    try (NDManager m = manager.newSubManager()) {
      AutoencoderKL vae = AutoencoderKL.load(work.resolve("vae-final"), m);
      Path dir = work.resolve("vae-decoder");
      Files.createDirectories(dir);
      Path csv = dir.resolve("loss.csv");
      VaeTraining.train(vae, images, run, settings, losses, m, ProgressListener.NONE,
          new LossLog(csv, "vae decoder", run.batch(), 20), Cancellation.never());
      LossPlot.draw(csv, dir.resolve("loss.png"), "decoder fine-tuning loss (" + settings.error() + " error)");
      DefaultModelExporter.writeVae(work.resolve("vae-final"), config, vae, vae.scalingFactor());
      reconstructions(vae, images, dir.resolve("reconstructions.png"), m);
    }
  }

  private static void trainVae(DefaultModelConfig config, FigureWorldImages images, Path work, TrainingRun run,
      VaeTraining.Settings settings, PluginRegistry<LossProvider> losses, NDManager manager) throws Exception {
    try (NDManager m = manager.newSubManager()) {
      AutoencoderKL vae = VaeTraining.initialise(config, run.seed(), m);
      long params = vae.namedParameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
      System.out.printf(Locale.ROOT, "vae: %d parameters%n", params);
      Files.createDirectories(work.resolve("vae"));
      Path csv = work.resolve("vae").resolve("loss.csv");
      VaeTraining.train(vae, images, run, settings, losses, m, ProgressListener.NONE,
          new LossLog(csv, "vae", run.batch(), 20), Cancellation.never());
      LossPlot.draw(csv, work.resolve("vae").resolve("loss.png"), "autoencoder reconstruction loss");
      adoptVae(config, vae, images, work, m);
    }
  }

  /**
   * Takes a trained autoencoder from a diffusers {@code vae/} folder (e.g. one trained on a GPU by
   * {@code tools/gpu/train_vae.py}) as this work folder's, as if {@code --stage vae} had trained it.
   */
  private static void useVae(DefaultModelConfig config, Path folder, FigureWorldImages images, Path work,
      NDManager manager) throws Exception {
    try (NDManager m = manager.newSubManager()) {
      AutoencoderKL vae = AutoencoderKL.load(folder, m);
      List<Integer> channels = Arrays.stream(vae.config().blockOutChannels()).boxed().toList();
      if (!channels.equals(config.vaeChannels())) {
        throw new IllegalArgumentException(folder + " holds an autoencoder with block_out_channels " + channels
            + ", but this model's are " + config.vaeChannels() + "; pick the --model it was trained for");
      }
      Files.createDirectories(work.resolve("vae"));
      adoptVae(config, vae, images, work, m);
    }
  }

  /** Encodes the training latents with {@code vae}, sets its scaling factor from them and writes vae-final/. */
  private static void adoptVae(DefaultModelConfig config, AutoencoderKL vae, FigureWorldImages images, Path work,
      NDManager m) throws Exception {
    long t0 = System.nanoTime();
    LatentSet latents = LatentSet.encode(vae, images, 64, m);
    double scale = latents.scalingFactor();
    System.out.printf(Locale.ROOT, "encoded %d latents in %.1f s, scaling factor %.4f%n", latents.count(),
        (System.nanoTime() - t0) / 1e9, scale);
    latents.save(work.resolve("latents.bin"));
    DefaultModelExporter.writeVae(work.resolve("vae-final"), config, vae, scale);
    reconstructions(vae, images, work.resolve("vae").resolve("reconstructions.png"), m);
  }

  private static void reconstructions(AutoencoderKL vae, FigureWorldImages images, Path png, NDManager manager)
      throws Exception {
    List<List<Picture>> rows = new ArrayList<>();
    try (GradMode off = GradMode.disabled(); NDManager m = manager.newSubManager()) {
      for (int r = 0; r < 4; r++) {
        List<Picture> row = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          int i = r * 4 + c;
          row.add(images.picture(i));
          var decoded = vae.decode(vae.encode(images.pixels(new int[] {i}, m)).mean());
          row.add(dev.crossnet.core.image.PictureTensors.toPicture(decoded));
        }
        rows.add(row);
      }
    }
    SampleGrid.write(rows, 2, png);
  }

  private static void trainDiffusion(DefaultModelConfig config, FigureWorldImages images, Path work, TrainingRun run,
      DiffusionTraining.Settings settings, PluginRegistry<LossProvider> losses, NDManager manager, Path export,
      DataType exportType, SceneOptions scenes, int sampleRows, Optional<Path> unetFrom) throws Exception {
    if (!Files.exists(work.resolve("latents.bin"))) {
      throw new IllegalStateException(work.resolve("latents.bin") + " is missing; run --stage vae first");
    }
    try (NDManager m = manager.newSubManager()) {
      AutoencoderKL vae = AutoencoderKL.load(work.resolve("vae-final"), m);
      LatentSet latents = LatentSet.read(work.resolve("latents.bin"));
      if (latents.count() != images.count()) {
        throw new IllegalStateException("latents.bin holds " + latents.count() + " latents but --images is "
            + images.count() + "; run --stage vae again or use the same --images");
      }
      WordBpeVocabulary vocabulary = WordBpeVocabulary.learn(CaptionVocabulary.words());
      DefaultModelExporter.writeTokenizer(work.resolve("tokenizer"), vocabulary, config.maxTokens());
      PromptTokenizer tokenizer = PromptTokenizers.load(work.resolve("tokenizer"));
      DiffusionNetworks networks = unetFrom.isPresent()
          ? DiffusionNetworks.load(unetFrom.get(), config, vocabulary.vocabulary().size(), m)
          : DiffusionNetworks.initialise(config, vocabulary.vocabulary().size(), run.seed(), m);
      long[] counts = networks.parameterCounts();
      UNet2DConditionModel unet = networks.unet();
      long macs = unet.macs(config.latentSize(), config.latentSize(), config.maxTokens());
      System.out.printf(Locale.ROOT, "unet: %d parameters, %.3f GMACs per image forward (%.2f GFLOP fwd+bwd);"
          + " text encoder: %d parameters, vocabulary %d%n", counts[0], macs / 1e9, macs * 6 / 1e9, counts[1],
          vocabulary.vocabulary().size());
      Files.createDirectories(work.resolve("unet"));
      Path csv = work.resolve("unet").resolve("loss.csv");
      DiffusionTraining.train(networks, config, latents, vae.scalingFactor(), images, tokenizer, run, settings,
          losses, m, ProgressListener.NONE, new LossLog(csv, "unet", run.batch(), 10), Cancellation.never());
      if (Files.exists(csv)) {
        LossPlot.draw(csv, work.resolve("unet").resolve("loss.png"), "denoising loss (" + config.predictionType() + " MSE)");
      }
      DefaultModelExporter.export(export, config, vae, vae.scalingFactor(), networks, vocabulary, exportType);
      System.out.println("weights exported as " + exportType);
      System.out.println("exported to " + export);
      samples(config, networks, vae, tokenizer, scenes, work, sampleRows, m);
    }
  }

  private static void samples(DefaultModelConfig config, DiffusionNetworks networks, AutoencoderKL vae,
      PromptTokenizer tokenizer, SceneOptions scenes, Path work, int rows, NDManager manager) throws Exception {
    PluginRegistry<SamplerProvider> samplers = PluginRegistry.discover(SamplerProvider.class, "sampler",
        "add crossnet-samplers to the class path");
    TextToImage t2i = new TextToImage(ComponentAdapters.predictor(networks.unet()),
        ComponentAdapters.prompts(tokenizer, networks.textEncoder()), ComponentAdapters.codec(vae),
        PluginConfig.of(config.schedulerJson()), samplers);
    SceneGenerator heldOut = new SceneGenerator(scenes.withSplit(Split.HELD_OUT));
    List<List<Picture>> grid = new ArrayList<>();
    StringBuilder text = new StringBuilder("row: held-out caption (first column: the rendered scene; then seeds 0-3, "
        + "50 DDIM steps, guidance 5)\n");
    double seconds = 0;
    int runs = 0;
    try (GradMode off = GradMode.disabled()) {
      for (int r = 0; r < rows; r++) {
        Scene scene = heldOut.generate(5000 + r);
        List<Picture> row = new ArrayList<>(List.of(scene.picture()));
        for (int s = 0; s < 4; s++) {
          long t0 = System.nanoTime();
          row.add(t2i.generate(TextToImageRequest.of(scene.caption()).withSize(config.imageSize(), config.imageSize())
              .withSeed(s), manager));
          seconds += (System.nanoTime() - t0) / 1e9;
          runs++;
        }
        grid.add(row);
        text.append(r).append(": ").append(scene.caption()).append('\n');
      }
    }
    SampleGrid.write(grid, 2, work.resolve("samples.png"));
    Files.writeString(work.resolve("samples.txt"), text);
    System.out.printf(Locale.ROOT, "samples: %d text-to-image runs (64x64, 50 DDIM steps, CFG 5), %.2f s each; "
        + "%s%n", runs, seconds / runs, work.resolve("samples.png"));
  }
}
