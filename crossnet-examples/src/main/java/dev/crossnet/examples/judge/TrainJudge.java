package dev.crossnet.examples.judge;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FigureWorldJudgeDataset;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeFolder;
import dev.crossnet.core.judge.JudgeTraining;
import dev.crossnet.core.judge.RenderDegradation;
import dev.crossnet.core.train.TrainingListener;
import dev.crossnet.examples.cli.Options;
import dev.crossnet.examples.train.ModelGeneration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the FigureWorld judge on TRAIN renders and writes a judge folder. With {@code --checkpoints} a run
 * that is stopped resumes where it left off when started again with the same options.
 *
 * <pre>java -Dai.djl.pytorch.num_threads=2 -cp ... dev.crossnet.examples.judge.TrainJudge
 *     [--steps 3000] [--batch 64] [--lr 0.002] [--seed 1] [--whole 0.2]
 *     [--out runs/judge] [--checkpoints runs/judge-checkpoints] [--every 250] [--print 50]
 *     [--split train|held_out|any] [--from bundled|FOLDER] [--degrade 0.5] [--world standard|main-subject]</pre>
 *
 * <p>{@code --world main-subject} trains on {@link SceneOptions#mainSubject()} scenes (128x128, read at the
 * judge's 64x64), for the default model v2.
 *
 * <p>{@code --from} starts from an existing judge's weights (fine-tuning); {@code --degrade} blurs and noises that
 * share of the training renders ({@link RenderDegradation#forGeneratedPictures(double)}), so the judge
 * reads generated pictures, which are never as crisp as renders, by their content.
 *
 * <p>{@code --split train} (the default) keeps the held-out combinations unseen, so held-out accuracy measures
 * generalisation; {@code --split any} trains on both splits, for a judge that must score held-out figures.
 */
public final class TrainJudge {

  private TrainJudge() {}

  public static void main(String[] args) {
    Options o = new Options("TrainJudge", args);
    int steps = o.integer("steps", 3000);
    int batch = o.integer("batch", 64);
    double lr = o.number("lr", 0.002);
    long seed = o.longValue("seed", 1);
    double whole = o.number("whole", 0.2);
    Path out = o.path("out", "runs/judge");
    String checkpointFolder = o.string("checkpoints", "");
    int every = o.integer("every", 250);
    int print = o.integer("print", 50);
    Split split = split(o.string("split", "train"));
    String from = o.string("from", null);
    double degrade = o.number("degrade", 0);
    SceneOptions world = ModelGeneration.option(o, "world", ModelGeneration.STANDARD).scenes();
    o.rejectUnknown();
    Optional<Path> checkpoints = checkpointFolder.isEmpty() ? Optional.empty()
        : Optional.of(Path.of(checkpointFolder));
    FigureWorldJudgeDataset data = new FigureWorldJudgeDataset(world.withSplit(split), seed, whole,
        RenderDegradation.forGeneratedPictures(degrade));
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss",
        "add crossnet-losses to the class path");
    System.out.printf("training the FigureWorld judge: %s%n", o.values());
    long start = System.nanoTime();
    LossWindow window = new LossWindow(print, steps, start);
    try (NDManager manager = OfflineEngine.get().newBaseManager();
        Judge startJudge = from == null ? null : FigureWorldJudge.named(from, manager);
        Judge judge = JudgeTraining.train(FigureWorldJudge.heads(), Optional.ofNullable(startJudge), data,
            new JudgeTraining.Settings(steps, batch, lr, seed, checkpoints, every),
            losses, manager, ProgressListener.NONE, window, Cancellation.never())) {
      double minutes = (System.nanoTime() - start) / 60e9;
      Map<String, String> notes = new LinkedHashMap<>(o.values());
      notes.remove("checkpoints");
      notes.remove("out");
      notes.put("minutes_this_run", String.format("%.1f", minutes));
      notes.put("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
      JudgeFolder.save(judge, out, notes);
      System.out.printf("wrote %s after %.1f minutes%n", out.toAbsolutePath(), minutes);
    }
  }

  /** "train", "held_out" or "any" (null: scenes of either split). */
  private static Split split(String name) {
    if (name.equals("any")) {
      return null;
    }
    for (Split s : Split.values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown --split '" + name + "'; use train, held_out or any");
  }

  /** Prints the mean loss of every {@code every} steps with the pace so far. */
  private static final class LossWindow implements TrainingListener {
    private final int every;
    private final int total;
    private final long start;
    private double sum;
    private int count;
    private int first = -1;

    LossWindow(int every, int total, long start) {
      this.every = every;
      this.total = total;
      this.start = start;
    }

    @Override
    public void onStep(int step, Map<String, Double> losses) {
      if (first < 0) {
        first = step;
      }
      sum += losses.get("judge");
      count++;
      if ((step + 1) % every == 0 || step + 1 == total) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("step %d/%d  loss %.4f  %.2f s/step  %.1f min%n", step + 1, total, sum / count,
            seconds / (step + 1 - first), seconds / 60);
        sum = 0;
        count = 0;
      }
    }
  }
}
