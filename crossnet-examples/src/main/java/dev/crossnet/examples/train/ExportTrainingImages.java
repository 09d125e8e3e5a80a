package dev.crossnet.examples.train;

import dev.crossnet.core.defaultmodel.FigureWorldImages;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.examples.cli.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
public final class ExportTrainingImages {

  private ExportTrainingImages() {}

  public static void main(String[] args) throws Exception {
    Options o = new Options("ExportTrainingImages", args);
    ModelGeneration generation = ModelGeneration.option(o, "model", ModelGeneration.MAIN_SUBJECT);
    int count = o.integer("images", 8000);
    int maxFigures = o.integer("max-figures", 3);
    long firstSeed = o.longValue("first-seed", 1_000_000L);
    boolean heldOut = o.choice("split", "train", "train", "held-out").equals("held-out");
    Path out = o.path("out", "tools/gpu/data/train.bin.gz");
    o.rejectUnknown();
    SceneOptions scenes = generation.scenes().withFigures(1, maxFigures)
        .withSplit(heldOut ? Split.HELD_OUT : Split.TRAIN);
    long t0 = System.nanoTime();
    FigureWorldImages images = FigureWorldImages.render(scenes, count, firstSeed);
    images.export(out);
    System.out.printf(Locale.ROOT, "wrote %d scenes of %dx%d to %s (%.1f MB) in %.1f s%n", count, images.size(),
        images.size(), out, Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9);
  }
}
