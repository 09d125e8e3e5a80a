package dev.crossnet.examples.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Caption;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeReading;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.relation.CountSteering;
import dev.crossnet.core.relation.DiffusionParts;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A count benchmark: for each count N, held-out figures are asked for N times ("three small red dogs sitting in a
 * park"), drawn from the prompt alone and again with the subject word's row steered by the gram-count loss to N
 * ({@link CountSteering}, from the same seed), and a judge counts the figures in both. Look: the judge reads the
 * whole picture's kind and colour as the prompt names them (prompt alone), or as it read them before steering
 * (steered: the look kept). Writes
 * {@code count-benchmark.md} and the drawings to {@code --out}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.CountBenchmark --model figureworld-v2 --world main-subject \
 *   --judge models/default-v2/judge [--counts 1,2,3] [--prompts 8] [--steps 40] [--out /tmp/count-benchmark]</pre>
 */
@Command(name = "CountBenchmark", sortOptions = false, sortSynopsis = false,
    description = "Judges how often N figures are drawn when N are asked for, from the prompt alone and with "
        + "gram-count steering of the subject word.")
public final class CountBenchmark implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Mixin
  JudgedModel drawn;

  @Option(names = "--counts", paramLabel = "N", split = ",", defaultValue = "1,2,3",
      description = "The counts asked for, comma-separated, each 1 to 4 (default: ${DEFAULT-VALUE}).")
  List<Integer> counts;

  @Option(names = "--prompts", paramLabel = "N", defaultValue = "8",
      description = "Held-out figures asked for per count (default: ${DEFAULT-VALUE}).")
  int prompts;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "40",
      description = "Steering steps per drawing (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "5e-3",
      description = "Learning rate of the steering (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--sampling-steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps per drawing (default: ${DEFAULT-VALUE}).")
  int samplingSteps;

  @Option(names = "--first-seed", paramLabel = "N", defaultValue = "3000000",
      description = "Seed of the first held-out scene whose figure is asked for (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/count-benchmark",
      description = "Folder for count-benchmark.md and the drawings (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new CountBenchmark(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  /** Judged drawings of one row at one count. */
  static final class Tally {
    int counted;
    int look;
    int n;

    /** Counts the reading, and its look as kept where its kind and colour are {@code kind} and {@code colour}. */
    void add(JudgeReading reading, int count, String kind, String colour) {
      counted += reading.answer(FigureWorldJudge.COUNT).equals(Integer.toString(count)) ? 1 : 0;
      look += reading.answer(FigureWorldJudge.KIND).equals(kind)
          && reading.answer(FigureWorldJudge.COLOUR).equals(colour) ? 1 : 0;
      n++;
    }

    String cells() {
      return String.format(Locale.ROOT, "%.0f %% (%d/%d) | %.0f %% (%d/%d)", 100.0 * counted / n, counted, n,
          100.0 * look / n, look, n);
    }
  }

  private void run() throws Exception {
    if (prompts < 1 || steps < 1 || counts.isEmpty() || counts.stream().anyMatch(c -> c < 1 || c > 4)) {
      throw new IllegalArgumentException("--prompts and --steps must be at least 1, every --counts value 1 to 4");
    }
    Path modelDir = drawn.folder();
    Files.createDirectories(out);
    int side = drawn.generation.config().imageSize();
    SceneGenerator world = new SceneGenerator(drawn.generation.scenes().withFigures(1, 1).withSplit(Split.HELD_OUT)
        .withRelationChance(0));
    StringBuilder rows = new StringBuilder();
    List<String> notes = new ArrayList<>();
    try (NDManager m = OfflineEngine.get().newBaseManager();
        Judge judge = FigureWorldJudge.named(drawn.judgeName, m)) {
      DiffusionModel diffusion = DiffusionModel.load(modelDir, m);
      CountSteering steering = new CountSteering(DiffusionParts.of(diffusion),
          CountSteering.Settings.defaults(steps).withLearningRate(learningRate));
      for (int count : counts) {
        Tally alone = new Tally();
        Tally steered = new Tally();
        for (int i = 0; i < prompts; i++) {
          Scene scene = world.generate(firstSeed + i);
          Figure figure = scene.figures().get(0).figure();
          String prompt = prompt(scene.caption(), figure, count);
          String word = count == 1 ? figure.kind().noun() : figure.kind().plural();
          TextToImageRequest request = TextToImageRequest.of(prompt).withSize(side, side)
              .withSampler(diffusion.defaultSampler(), samplingSteps).withSeed(i);
          CountSteering.Result r = steering.draw(request, word, count, (s, l) -> { }, m);
          r.before().write(out.resolve(count + "-" + i + "-prompt.png"));
          r.after().write(out.resolve(count + "-" + i + "-steered.png"));
          JudgeReading before = judge.read(r.before());
          alone.add(before, count, figure.kind().noun(), figure.appearance().colour().word());
          steered.add(judge.read(r.after()), count, before.answer(FigureWorldJudge.KIND),
              before.answer(FigureWorldJudge.COLOUR));
          notes.add(String.format(Locale.ROOT, "%d-%d: \"%s\", gram-count loss %.3f -> %.3f", count, i, prompt,
              r.losses().get(0), r.losses().get(r.losses().size() - 1)));
        }
        rows.append("| ").append(count).append(" | ").append(alone.cells()).append(" | ").append(steered.cells())
            .append(" |\n");
        System.out.printf(Locale.ROOT, "%d: prompt alone %s; steered %s%n", count, alone.cells(), steered.cells());
      }
    }
    String table = String.format(Locale.ROOT, "Model: %s; judge: %s; %d held-out figures per count from seed %d, "
        + "%d sampling steps, %d steering steps at %s.%n%n| N | prompt alone: counted N | look as asked | "
        + "steered: "
        + "counted N | look as before steering |%n|---:|---:|---:|---:|---:|%n", modelDir, drawn.judgeName, prompts,
        firstSeed, samplingSteps, steps, learningRate) + rows + "\nNotes\n\n" + String.join("\n", notes.stream()
        .map(n -> "- " + n).toList()) + "\n";
    AtomicFiles.writeString(out.resolve("count-benchmark.md"), table);
    System.out.print(table.substring(0, table.indexOf("\nNotes")));
    System.out.println("drawings and table written to " + out);
  }

  /** The one-figure caption asking for {@code count} such figures: its figure phrase counted, the rest kept. */
  static String prompt(String caption, Figure figure, int count) {
    String one = Caption.phrase(figure, 1);
    if (!caption.startsWith(one)) {
      throw new IllegalArgumentException("caption '" + caption + "' does not start with its figure's phrase '"
          + one + "'");
    }
    return Caption.phrase(figure, count) + caption.substring(one.length());
  }
}
