package dev.crossnet.examples.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeAccuracy;
import dev.crossnet.core.judge.JudgeHead;
import dev.crossnet.core.judge.RenderDegradation;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.train.ModelGeneration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures a judge's accuracy per head on HELD_OUT renders and, for comparison, on TRAIN renders (seeds far
 * from any the training drew in order), prints the table and writes it as markdown.
 *
 * <pre>java -Dai.djl.pytorch.num_threads=2 -cp ... dev.crossnet.examples.judge.EvaluateJudge
 *     [--judge bundled|FOLDER] [--scenes 500] [--seed 1000000] [--markdown runs/judge-accuracy.md]
 *     [--through-vae VAE_FOLDER | --blur SIGMA] [--world standard|main-subject]</pre>
 *
 * <p>With {@code --through-vae} (a diffusers {@code vae/} folder, e.g. {@code model/vae}) every render is encoded
 * and decoded by that autoencoder before the judge reads it: the ceiling a latent model with that decoder can
 * reach, head by head. With {@code --blur} every render is blurred (Gaussian, that sigma in pixels): how much
 * the judge's own answers depend on crispness.
 */
@Command(name = "EvaluateJudge", sortOptions = false, sortSynopsis = false,
    description = "Measures a judge's accuracy per head on held-out and train renders, prints the table and writes "
        + "it as Markdown.")
public final class EvaluateJudge implements Callable<Integer> {

  /** The targets on HELD_OUT renders. */
  private static final Map<String, Double> TARGETS = Map.of("kind", 0.95, "attributes", 0.90, "pose", 0.85);

  @Mixin
  HelpOption help;

  @Option(names = "--judge", paramLabel = "NAME", defaultValue = "bundled",
      description = "The judge: bundled, or a judge folder (default: ${DEFAULT-VALUE}).")
  String judgeName;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "500",
      description = "Scenes rendered and read (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1000000",
      description = "Seed of the first scene (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--markdown", paramLabel = "FILE", defaultValue = "runs/judge-accuracy.md",
      description = "Where to write the table (default: ${DEFAULT-VALUE}).")
  Path md;

  @Option(names = "--through-vae", paramLabel = "DIR",
      description = "An autoencoder folder to round-trip every render through first (default: none).")
  Optional<Path> vaeFolder = Optional.empty();

  @Option(names = "--blur", paramLabel = "SIGMA", defaultValue = "0",
      description = "Gaussian blur sigma in pixels applied to every render (default: ${DEFAULT-VALUE}).")
  double blur;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Which scenes: standard or main-subject (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new EvaluateJudge(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    SceneOptions world = generation.scenes();
    try (NDManager manager = OfflineEngine.get().newBaseManager();
        Judge judge = FigureWorldJudge.named(judgeName, manager)) {
      UnaryOperator<Picture> through = vaeFolder.isPresent()
          ? roundTrip(AutoencoderKL.load(vaeFolder.get(), manager), manager)
          : blur > 0 ? p -> RenderDegradation.gaussianBlur(p, blur) : UnaryOperator.identity();
      long start = System.nanoTime();
      JudgeAccuracy heldOut = JudgeAccuracy.measure(judge, world, Split.HELD_OUT, scenes, seed, through);
      JudgeAccuracy train = JudgeAccuracy.measure(judge, world, Split.TRAIN, scenes, seed, through);
      List<String> table = table(judge.heads(), heldOut, train);
      table.forEach(System.out::println);
      System.out.printf("(%d scenes per split from seed %d, judge %s, %.1f s)%n", scenes, seed, judgeName,
          (System.nanoTime() - start) / 1e9);
      if (md.toAbsolutePath().getParent() != null) {
        Files.createDirectories(md.toAbsolutePath().getParent());
      }
      List<String> lines = new ArrayList<>();
      lines.add("FigureWorld judge accuracy, " + scenes + (generation == ModelGeneration.MAIN_SUBJECT ? " main-subject (128x128)" : "")
          + " scenes per split, seeds " + seed + " onwards, judge "
          + judgeName + vaeFolder.map(v -> ", renders passed through the autoencoder " + v).orElse("")
          + (blur > 0 ? ", renders blurred with sigma " + blur + " px" : "") + ".");
      lines.add("");
      lines.addAll(table);
      Files.write(md, lines);
      System.out.println("wrote " + md.toAbsolutePath());
    }
  }

  /** A picture's round trip through the autoencoder's latent mean, gradients off, tensors closed. */
  private static UnaryOperator<Picture> roundTrip(AutoencoderKL vae, NDManager manager) {
    return picture -> {
      try (GradMode off = GradMode.disabled(); NDManager m = manager.newSubManager()) {
        NDArray pixels = PictureTensors.toTensor(picture, m);
        return PictureTensors.toPicture(vae.decode(vae.encode(pixels).mean()));
      }
    };
  }

  /** Markdown rows: one per head, the colour/hat/size aggregate, and the held-out figures' own scores. */
  static List<String> table(List<JudgeHead> heads, JudgeAccuracy heldOut, JudgeAccuracy train) {
    List<String> rows = new ArrayList<>();
    rows.add("| head | held-out | train | held-out figures only | target (held-out) |");
    rows.add("|---|---:|---:|---:|---:|");
    for (JudgeHead h : heads) {
      rows.add(row(h.name(), heldOut.all().get(h.name()), train.all().get(h.name()),
          heldOut.heldOutFigures().get(h.name())));
    }
    List<String> attributes = List.of("colour", "hat", "size");
    rows.add(row("attributes", sum(heldOut.all(), attributes), sum(train.all(), attributes),
        sum(heldOut.heldOutFigures(), attributes)));
    return rows;
  }

  private static JudgeAccuracy.Tally sum(Map<String, JudgeAccuracy.Tally> tallies, List<String> heads) {
    int correct = 0;
    int total = 0;
    for (String h : heads) {
      JudgeAccuracy.Tally t = tallies.get(h);
      if (t != null) {
        correct += t.correct();
        total += t.total();
      }
    }
    return new JudgeAccuracy.Tally(correct, total);
  }

  private static String row(String name, JudgeAccuracy.Tally heldOut, JudgeAccuracy.Tally train,
      JudgeAccuracy.Tally heldOutFigures) {
    Double target = TARGETS.get(name);
    return "| " + name + " | " + cell(heldOut) + " | " + cell(train) + " | " + cell(heldOutFigures) + " | "
        + (target == null ? "" : String.format("%.0f %%", target * 100)) + " |";
  }

  private static String cell(JudgeAccuracy.Tally t) {
    if (t == null || t.total() == 0) {
      return "-";
    }
    return String.format("%.1f %% (%d/%d)", 100 * t.accuracy(), t.correct(), t.total());
  }
}
