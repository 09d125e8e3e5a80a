package dev.crossnet.examples.train;

import dev.crossnet.core.defaultmodel.FigureWorldImages;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.examples.cli.Choices;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Renders the default model's training scenes (the same ones {@link TrainDefaultModel} renders: TRAIN split,
 * seeds from 1,000,000) and writes them with their figure masks and captions for a trainer outside the JVM
 * ({@code tools/gpu/train_vae.py}); the format is {@link FigureWorldImages#export}'s.
 *
 * <pre>
 * java -cp "$CP" dev.crossnet.examples.train.ExportTrainingImages --model main-subject --images 8000 \
 *   --out tools/gpu/data/train.bin.gz
 * </pre>
 */
@Command(name = "ExportTrainingImages", sortOptions = false, sortSynopsis = false,
    description = "Renders FigureWorld training scenes and writes them to one gzip file for the GPU tools.")
public final class ExportTrainingImages implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "main-subject",
      converter = ModelGeneration.Word.class,
      description = "Which model's scenes: standard or main-subject (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--images", paramLabel = "N", defaultValue = "8000",
      description = "Scenes rendered (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--max-figures", paramLabel = "N", defaultValue = "3",
      description = "Most figures in a scene (default: ${DEFAULT-VALUE}).")
  int maxFigures;

  @Option(names = "--first-seed", paramLabel = "N", defaultValue = "1000000",
      description = "Seed of the first scene (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "train",
      description = "Which scenes: train or held-out (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "tools/gpu/data/train.bin.gz",
      description = "The file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ExportTrainingImages(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    boolean heldOut = Choices.check("--split", split, "train", "held-out").equals("held-out");
    SceneOptions scenes = generation.scenes().withFigures(1, maxFigures)
        .withSplit(heldOut ? Split.HELD_OUT : Split.TRAIN);
    long t0 = System.nanoTime();
    FigureWorldImages images = FigureWorldImages.render(scenes, count, firstSeed);
    images.export(out);
    System.out.printf(Locale.ROOT, "wrote %d scenes of %dx%d to %s (%.1f MB) in %.1f s%n", count, images.size(),
        images.size(), out, Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9);
  }
}
