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
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.train.ModelGeneration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains the FigureWorld judge on TRAIN renders and writes a judge folder. With {@code --checkpoints} a run
 * that is stopped resumes where it left off when started again with the same options.
 *
 * <pre>java -Dai.djl.pytorch.num_threads=2 -cp ... dev.crossnet.examples.judge.TrainJudge
 *     [--steps 3000] [--batch 64] [--lr 0.002] [--seed 1] [--whole 0.2]
 *     [--out runs/judge] [--checkpoints runs/judge-checkpoints] [--every 250] [--print 50]
 *     [--split train|held_out|any] [--from bundled|FOLDER] [--degrade 0.5] [--world standard|main-subject]
 *     [--edit-questions 0.5]</pre>
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
@Command(name = "TrainJudge", sortOptions = false, sortSynopsis = false,
    description = "Trains the FigureWorld judge on renders and writes a judge folder; with --checkpoints a stopped "
        + "run resumes.")
public final class TrainJudge implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "3000",
      description = "Training steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
      description = "Renders per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.002",
      description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Random seed of the renders and the initial weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--whole", paramLabel = "SHARE", defaultValue = "0.2",
      description = "Share of renders read whole instead of about one figure (default: ${DEFAULT-VALUE}).")
  double whole;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/judge",
      description = "The judge folder to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--checkpoints", paramLabel = "DIR", defaultValue = "",
      description = "Folder for checkpoints to resume from (default: none).")
  String checkpointFolder;

  @Option(names = "--every", paramLabel = "N", defaultValue = "250",
      description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
  int every;

  @Option(names = "--print", paramLabel = "N", defaultValue = "50",
      description = "Steps between loss lines (default: ${DEFAULT-VALUE}).")
  int print;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "train",
      description = "Which scenes to train on: train, held_out or any (default: ${DEFAULT-VALUE}).")
  SplitChoice splitChoice;

  @Option(names = "--from", paramLabel = "JUDGE",
      description = "Start from these weights: bundled, or a judge folder (default: fresh weights).")
  String from;

  @Option(names = "--degrade", paramLabel = "SHARE", defaultValue = "0",
      description = "Share of renders blurred and noised like generated pictures (default: ${DEFAULT-VALUE}).")
  double degrade;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Which scenes: standard or main-subject (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--edit-questions", paramLabel = "SHARE", defaultValue = "0",
      description = "Share of figure examples asked as the edit benchmark asks: a figure re-rendered with another's "
          + "look, read in the edit's whole region; needs --split any, for a judge that scores edits (default: "
          + "${DEFAULT-VALUE}).")
  double editQuestions;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TrainJudge(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Split split = splitChoice.split();
    SceneOptions world = generation.scenes();
    Optional<Path> checkpoints = checkpointFolder.isEmpty() ? Optional.empty()
        : Optional.of(Path.of(checkpointFolder));
    FigureWorldJudgeDataset data = new FigureWorldJudgeDataset(world.withSplit(split), seed, whole,
        RenderDegradation.forGeneratedPictures(degrade));
    if (editQuestions > 0) {
      data = data.withEditQuestions(editQuestions);
    }
    PluginRegistry<LossProvider> losses = PluginRegistry.discover(LossProvider.class, "loss",
        "add crossnet-losses to the class path");
    System.out.printf("training the FigureWorld judge: %s%n", CommandLines.values(spec));
    long start = System.nanoTime();
    LossWindow window = new LossWindow(print, steps, start);
    try (NDManager manager = OfflineEngine.get().newBaseManager();
        Judge startJudge = from == null ? null : FigureWorldJudge.named(from, manager);
        Judge judge = JudgeTraining.train(FigureWorldJudge.heads(), Optional.ofNullable(startJudge), data,
            new JudgeTraining.Settings(steps, batch, lr, seed, checkpoints, every),
            losses, manager, ProgressListener.NONE, window, Cancellation.never())) {
      double minutes = (System.nanoTime() - start) / 60e9;
      Map<String, String> notes = new LinkedHashMap<>(CommandLines.values(spec));
      notes.remove("checkpoints");
      notes.remove("out");
      notes.put("minutes_this_run", String.format("%.1f", minutes));
      notes.put("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
      JudgeFolder.save(judge, out, notes);
      System.out.printf("wrote %s after %.1f minutes%n", out.toAbsolutePath(), minutes);
    }
  }

  /** The {@code --split} words: a split, or {@code any} for scenes of either split. */
  enum SplitChoice {
    TRAIN(Split.TRAIN),
    HELD_OUT(Split.HELD_OUT),
    ANY(null);

    private final Split split;

    SplitChoice(Split split) {
      this.split = split;
    }

    /** The split, or null for either. */
    Split split() {
      return split;
    }

    /** The word as typed, for the record of the run: {@code train}, {@code held_out}, {@code any}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
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
