package dev.crossnet.examples.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.defaultmodel.DefaultModelConfig;
import dev.crossnet.core.defaultmodel.DefaultModelExporter;
import dev.crossnet.core.defaultmodel.InpaintingExamples;
import dev.crossnet.core.defaultmodel.InpaintingTraining;
import dev.crossnet.core.defaultmodel.LatentSet;
import dev.crossnet.core.defaultmodel.TrainingRun;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the inpainting UNet of the built-in model {@code figureworld-v2}: widens its UNet to read a region and the
 * blanked picture ({@link InpaintingUnets#widen}), trains it on figures' regions in main-subject scenes with the text
 * encoder and the autoencoder frozen, and writes a whole model folder (the v2 folder with the inpainting UNet).
 * Resumes from its checkpoints under {@code --work}; a larger {@code --steps} goes on training.
 *
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -Djava.awt.headless=true \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.train.TrainInpainting --work runs/inpainting --steps 6000 --deadline 07:30
 * </pre>
 */
@Command(name = "TrainInpainting", sortOptions = false, sortSynopsis = false,
    description = "Trains an inpainting UNet for the built-in model figureworld-v2 and writes a model folder; "
        + "resumes from its checkpoints.")
public final class TrainInpainting implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "runs/inpainting",
      description = "Work folder: the widened UNet, latents, checkpoints, losses and the export (default: "
          + "${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "4000",
      description = "Training scenes (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "6000",
      description = "Optimisation steps in all (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
      description = "Examples per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--encode-batch", paramLabel = "N", defaultValue = "8",
      description = "Pictures per autoencoder call when encoding the latents (default: ${DEFAULT-VALUE}).")
  int encodeBatch;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-4",
      description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "13",
      description = "Batch and region seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--held-out", paramLabel = "N", defaultValue = "300",
      description = "Held-out scenes whose region error is reported before and after (0: none; default: "
          + "${DEFAULT-VALUE}).")
  int heldOut;

  @Option(names = "--union-share", paramLabel = "SHARE", defaultValue = "0",
      description = "Share of figure regions that also cover a figure of another kind in the same place, as an "
          + "edit's region does (default: ${DEFAULT-VALUE}).")
  double unionShare;

  private static final long DEFAULT_FIRST_SCENE = 6_000_000L;

  @Option(names = "--overlap-copies", paramLabel = "N", defaultValue = "0",
      description = "Further examples, each with its own region, of a figure whose region covers part of another "
          + "figure, which the UNet must then redraw (default: ${DEFAULT-VALUE}).")
  int overlapCopies;

  @Option(names = "--first-scene", paramLabel = "SEED", defaultValue = "" + DEFAULT_FIRST_SCENE,
      description = "Seed of the first TRAIN scene; scenes take the seeds from here on (default: ${DEFAULT-VALUE}). "
          + "Another value gives scenes that an earlier run did not see.")
  long firstScene;

  @Option(names = "--average-decay", paramLabel = "D", defaultValue = "0",
      description = "Decay of the moving average of the UNet's weights, which is what gets exported, e.g. 0.999 "
          + "(default: ${DEFAULT-VALUE}, no average).")
  double averageDecay;

  @Option(names = "--from", paramLabel = "MODEL|DIR",
      description = "Start from this inpainting UNet instead of widening figureworld-v2's: a built-in model name "
          + "(figureworld-v2-inpainting goes on training the shipped UNet) or a diffusers UNet folder. Checkpoints "
          + "in --work take precedence.")
  String from;

  @Mixin
  CheckpointOptions checkpoints;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Model folder to write (default: model/ in --work).")
  Path export;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TrainInpainting(), args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    BooleanSupplier stop = checkpoints.stop();
    int every = checkpoints.every();
    DefaultModelConfig config = DefaultModelConfig.mainSubject();
    boolean predictsV = config.predictionType().equals(DefaultModelConfig.V_PREDICTION);
    Path v2 = DefaultModel.folder(DefaultModel.MAIN_SUBJECT);
    Path init = from == null ? work.resolve("unet-init") : startingUnet(from);
    if (from == null && !Files.exists(init.resolve(InpaintingUnets.WEIGHTS))) {
      InpaintingUnets.widen(v2.resolve("unet"), init);
    }
    SceneOptions options = SceneOptions.mainSubject().withSplit(Split.TRAIN);
    long t0 = System.nanoTime();
    InpaintingExamples examples = InpaintingExamples.make(options, scenes, firstScene,
        new InpaintingExamples.Mix(0.3, 0.05, unionShare, overlapCopies), seed);
    System.out.printf(Locale.ROOT, "made %d examples of %d scenes in %.1f s%n", examples.count(), scenes,
        (System.nanoTime() - t0) / 1e9);
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss",
        "add crossnet-losses to the class path");
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(v2, manager);
      String name = "train-" + scenes + (firstScene != DEFAULT_FIRST_SCENE ? "-from-" + firstScene : "")
          + (unionShare > 0 ? "-union-" + unionShare : "") + (overlapCopies > 0 ? "-overlap-" + overlapCopies : "");
      InpaintingTraining.Latents latents = latents(model, examples, name, manager);
      UNet2DConditionModel unet = UNet2DConditionModel.load(init, manager);
      InpaintingExamples held = null;
      InpaintingTraining.Latents heldLatents = null;
      if (heldOut > 0) {
        held = InpaintingExamples.make(SceneOptions.mainSubject().withSplit(Split.HELD_OUT), heldOut, 5_000_000L,
            0.3, 0, seed + 1);
        heldLatents = latents(model, held, "held-out-" + heldOut, manager);
        if (!Files.exists(work.resolve("checkpoints"))) {
          System.out.printf(Locale.ROOT, "held-out region error before training (%d regions): %.5f%n",
              held.count(), InpaintingTraining.regionError(unet, model, held, heldLatents, config.alphasCumprod(),
                  predictsV, manager));
        }
      }
      TrainingRun run = new TrainingRun(steps, batch, seed, Optional.of(work.resolve("checkpoints")), every, stop);
      Path csv = work.resolve("loss.csv");
      InpaintingTraining.Settings settings = InpaintingTraining.Settings.standard(learningRate)
          .withAverageDecay(averageDecay);
      InpaintingTraining.train(unet, model, examples, latents, config.alphasCumprod(), predictsV, run, settings,
          losses, manager, ProgressListener.NONE, new LossLog(csv, "inpainting", batch, 50), Cancellation.never());
      if (Files.exists(csv)) {
        LossPlot.draw(csv, work.resolve("loss.png"), "inpainting denoising loss (weighted v MSE)");
      }
      if (held != null) {
        System.out.printf(Locale.ROOT, "held-out region error after training (%d regions): %.5f%n", held.count(),
            InpaintingTraining.regionError(unet, model, held, heldLatents, config.alphasCumprod(), predictsV,
                manager));
      }
      Path out = export != null ? export : work.resolve("model");
      copyFolder(v2, out);
      DefaultModelExporter.replaceUnet(out, init.resolve("config.json"), unet, DataType.FLOAT16);
      System.out.println("wrote " + out);
    }
    return CommandLines.OK;
  }

  /** The UNet folder {@code --from} names: a built-in model's UNet or a folder; it must be an inpainting UNet. */
  static Path startingUnet(String from) {
    Path unet = DefaultModel.NAMES.contains(from) ? DefaultModel.folder(from).resolve("unet") : Path.of(from);
    if (!Files.exists(unet.resolve("config.json"))) {
      throw new IllegalArgumentException("--from " + from + ": no built-in model of that name (" + DefaultModel.NAMES
          + ") and no diffusers UNet folder (config.json) there");
    }
    if (!InpaintingUnets.isInpainting(unet)) {
      throw new IllegalArgumentException("--from " + from + ": " + unet + " is a text-to-image UNet; start from an "
          + "inpainting UNet (e.g. figureworld-v2-inpainting), or leave --from out to widen figureworld-v2's");
    }
    return unet;
  }

  private InpaintingTraining.Latents latents(DiffusionModel model, InpaintingExamples examples, String name,
      NDManager manager) {
    Path scenesFile = work.resolve("latents-" + name + "-scenes.bin");
    Path blankedFile = work.resolve("latents-" + name + "-blanked.bin");
    if (Files.exists(scenesFile) && Files.exists(blankedFile)) {
      LatentSet scenes = LatentSet.read(scenesFile);
      LatentSet blanked = LatentSet.read(blankedFile);
      if (blanked.count() == examples.count()) {
        return new InpaintingTraining.Latents(scenes, blanked,
            InpaintingTraining.Latents.regions(examples, (int) scenes.shape(1).get(2), manager));
      }
    }
    long t0 = System.nanoTime();
    InpaintingTraining.Latents l = InpaintingTraining.Latents.encode(model, examples, encodeBatch, manager);
    l.scenes().save(scenesFile);
    l.blanked().save(blankedFile);
    System.out.printf(Locale.ROOT, "encoded %d scenes and %d blanked scenes in %.1f s%n", examples.scenes(),
        examples.count(), (System.nanoTime() - t0) / 1e9);
    return l;
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
