package dev.crossnet.examples.train;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.defaultmodel.AdapterExamples;
import dev.crossnet.core.defaultmodel.ImageWordsFitting;
import dev.crossnet.core.defaultmodel.TrainingRun;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.ImageWords;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Fits image words for a built-in model that has an image adapter: its image encoder's embedding of a figure's
 * look (drawn by another scene) mapped to the caption words of that look, and writes them as the model folder's
 * {@code image_words/}. The encoder and the model stay frozen. Resumes from its checkpoints under {@code --work}.
 *
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -Djava.awt.headless=true \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.train.TrainImageWords --model figureworld-v2-inpainting --world main-subject \
 *   --work runs/image-words
 * </pre>
 */
@Command(name = "TrainImageWords", sortOptions = false, sortSynopsis = false,
    description = "Fits image words (image encoder embedding to word rows) for a built-in model with an image "
        + "adapter and writes them as image_words/; resumes from its checkpoints.")
public final class TrainImageWords implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "figureworld",
      description = "The model whose image encoder and word table the words fit: a built-in model or a folder "
          + "(default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "The model's FigureWorld scenes: standard or main-subject (default: ${DEFAULT-VALUE}).")
  ModelGeneration world;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "runs/image-words",
      description = "Work folder: checkpoints, losses and the export (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "4000",
      description = "Training scenes, one figure's look each (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--held-out", paramLabel = "N", defaultValue = "500",
      description = "HELD_OUT scenes the fitted words are checked on (default: ${DEFAULT-VALUE}).")
  int heldOutScenes;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "8000",
      description = "Optimisation steps in all (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
      description = "Examples per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3",
      description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--tokens", paramLabel = "N", defaultValue = "6",
      description = "Word slots: the longest phrase a subject can take, in tokens (default: ${DEFAULT-VALUE}).")
  int tokens;

  @Option(names = "--hidden", paramLabel = "N", defaultValue = "512",
      description = "Width of the mapping's hidden layer (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "13",
      description = "Initialisation and batch seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  CheckpointOptions checkpoints;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Model folder to write image_words/ into (default: words/ in --work).")
  Path export;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TrainImageWords(), args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    SceneOptions options = world.scenes().withSplit(Split.TRAIN);
    SceneOptions heldOutOptions = world.scenes().withSplit(Split.HELD_OUT);
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss",
        "add crossnet-losses to the class path");
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel diffusion = DiffusionModel.load(ModelArgument.folder(model), manager);
      ImageAdapter adapter = diffusion.imageAdapter().orElseThrow(() -> new IllegalArgumentException("--model "
          + model + " has no image adapter (image_encoder/ and ip_adapter/); image words read its image encoder: "
          + "train one with TrainImageAdapter first"));
      long t0 = System.nanoTime();
      AdapterExamples examples = AdapterExamples.make(options, scenes, 3_000_000L, 40_000_000L, adapter.processor());
      AdapterExamples heldOutExamples =
          AdapterExamples.make(heldOutOptions, heldOutScenes, 5_000_000L, 41_000_000L,
              adapter.processor());
      ImageWordsFitting.Pairs pairs = ImageWordsFitting.pairs(adapter.encoder(), examples, manager);
      ImageWordsFitting.Pairs heldOut = ImageWordsFitting.pairs(adapter.encoder(), heldOutExamples, manager);
      System.out.printf(Locale.ROOT, "made %d pairs of %d scenes and %d held-out pairs in %.1f s%n", pairs.count(),
          scenes, heldOut.count(), (System.nanoTime() - t0) / 1e9);
      ImageWords.Config config = new ImageWords.Config(adapter.encoder().config().projectionDim(), hidden, tokens,
          Math.toIntExact(diffusion.textEncoder().tokenEmbeddings().getShape().get(1)), "a");
      ImageWords words = ImageWords.initialise(config, seed, manager);
      TrainingRun run = new TrainingRun(steps, batch, seed, Optional.of(work.resolve("checkpoints")),
          checkpoints.every(), checkpoints.stop());
      long t1 = System.nanoTime();
      Path csv = work.resolve("loss.csv");
      ImageWordsFitting.fit(words, pairs, diffusion, run, learningRate, losses, manager, ProgressListener.NONE,
          new LossLog(csv, "image words", batch, 100), Cancellation.never());
      if (Files.exists(csv)) {
        LossPlot.draw(csv, work.resolve("loss.png"), "image words fit");
      }
      double[] read = ImageWordsFitting.agreement(words, heldOut, diffusion, manager);
      StringBuilder slots = new StringBuilder();
      for (int j = 2; j < read.length; j++) {
        slots.append(String.format(Locale.ROOT, "%s%.1f", j == 2 ? "" : " / ", 100 * read[j]));
      }
      System.out.printf(Locale.ROOT, "fitted in %.1f s; on %d held-out pairs: length right %.1f %%, nearest word "
          + "right %.1f %% of tokens (by slot: %s %%)%n", (System.nanoTime() - t1) / 1e9, heldOut.count(),
          100 * read[0], 100 * read[1], slots);
      Path out = export != null ? export : work.resolve("words");
      words.save(out);
      System.out.println("wrote " + out.resolve(ImageWords.FOLDER));
    }
    return CommandLines.OK;
  }
}
