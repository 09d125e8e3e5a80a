package dev.crossnet.examples.quality;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeHead;
import dev.crossnet.core.judge.JudgeReading;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.train.ModelGeneration;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Draws a picture for each of N held-out FigureWorld captions (one or two figures) and lets a judge (the bundled
 * one unless {@code --judge} names a judge folder) read both the drawing and the real render of the same scene:
 * kind, colour, hat, size and pose (scenes of one figure), and count (all). Writes {@code quality.md} and
 * {@code samples.png} (real render above, drawing below).
 *
 * <pre>
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.quality.TextToImageQuality [--model default|NAME|FOLDER] [--captions 100] [--steps 50]
 *   [--guidance 5] [--judge bundled|FOLDER] [--world standard|main-subject] [--first-seed 1000000]
 *   [--out out/quality]
 * </pre>
 */
@Command(name = "TextToImageQuality", sortOptions = false, sortSynopsis = false,
    description = "Draws pictures for held-out FigureWorld captions and lets a judge read both the drawing and the "
        + "real render.")
public final class TextToImageQuality implements Callable<Integer> {

  private static final List<String> COLUMNS = List.of(FigureWorldJudge.KIND, "attributes", FigureWorldJudge.POSE,
      FigureWorldJudge.COUNT);
  private static final List<String> ATTRIBUTES = List.of(FigureWorldJudge.COLOUR, FigureWorldJudge.HAT,
      FigureWorldJudge.SIZE);

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "default",
      description = "default (the embedded model), a built-in model's name (figureworld, figureworld-v2) or a "
          + "diffusers model folder (default: ${DEFAULT-VALUE}).")
  String modelArg;

  @Option(names = "--captions", paramLabel = "N", defaultValue = "100",
      description = "Held-out captions drawn (default: ${DEFAULT-VALUE}).")
  int captions;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "50",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "bundled",
      description = "The judge: bundled, or a judge folder (default: ${DEFAULT-VALUE}).")
  String judgeArg;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Scenes of standard (64x64) or main-subject (128x128) FigureWorld (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--first-seed", paramLabel = "SEED", defaultValue = "1000000",
      description = "Seed of the first held-out scene; a tuning set and a report set use different seeds "
          + "(default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/quality",
      description = "Folder for quality.md and samples.png (default: ${DEFAULT-VALUE}).")
  Path out;

  /** Right and asked counts per column. */
  private static final class Score {
    final Map<String, int[]> counts = new LinkedHashMap<>();

    Score() {
      COLUMNS.forEach(c -> counts.put(c, new int[2]));
      ATTRIBUTES.forEach(c -> counts.put(c, new int[2]));
    }

    void add(String column, boolean right) {
      int[] c = counts.get(column);
      c[0] += right ? 1 : 0;
      c[1]++;
    }

    String cell(String column) {
      int[] c = counts.get(column);
      return c[1] == 0 ? "-" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * c[0] / c[1], c[0], c[1]);
    }
  }

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TextToImageQuality(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    int size = generation.config().imageSize();
    SceneGenerator world = new SceneGenerator(generation.scenes().withSplit(Split.HELD_OUT).withFigures(1, 2));
    Score drawn = new Score();
    Score real = new Score();
    List<Picture> grid = new ArrayList<>();
    double seconds = 0;
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = modelArg.equals("default") ? DefaultModel.load(manager)
          : DefaultModel.NAMES.contains(modelArg) ? DefaultModel.load(modelArg, manager)
          : DiffusionModel.load(Path.of(modelArg), manager);
      TextToImage t2i = TextToImage.of(model);
      try (Judge judge = FigureWorldJudge.named(judgeArg, manager)) {
        for (int i = 0; i < captions; i++) {
          Scene scene = world.generate(firstSeed + i);
          long start = System.nanoTime();
          Picture picture = t2i.generate(TextToImageRequest.of(scene.caption()).withSize(size, size).withSampler(model.defaultSampler(), steps)
              .withGuidance("", guidance).withSeed(i), manager);
          seconds += (System.nanoTime() - start) / 1e9;
          score(judge.read(picture), scene, drawn);
          score(judge.read(scene.picture()), scene, real);
          if (grid.size() < 32) {
            grid.add(scene.picture());
            grid.add(picture);
          }
          System.out.printf("%d/%d %s%n", i + 1, captions, scene.caption());
        }
      }
    }
    writeGrid(grid, out.resolve("samples.png"));
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Model: %s; judge: %s; %d held-out captions (1-2 figures, %s scenes from seed %d), %d steps, "
        + "guidance %s; %.2f s per %dx%d picture.%n%n", modelArg, judgeArg, captions, generation.word(), firstSeed,
        steps, guidance, seconds / captions, generation.config().imageSize(), generation.config().imageSize()));
    md.append("| judged on | kind | attributes (colour, hat, size) | pose | count |\n|---|---:|---:|---:|---:|\n");
    md.append("| generated pictures | ").append(String.join(" | ", COLUMNS.stream().map(drawn::cell).toList()))
        .append(" |\n");
    md.append("| real renders of the same scenes | ")
        .append(String.join(" | ", COLUMNS.stream().map(real::cell).toList())).append(" |\n");
    md.append("\nThe attributes one by one (generated pictures; real renders): ").append(String.join("; ",
        ATTRIBUTES.stream().map(a -> a + " " + drawn.cell(a) + ", " + real.cell(a)).toList())).append(".\n");
    Files.writeString(out.resolve("quality.md"), md.toString());
    System.out.print(md);
  }

  private static void score(JudgeReading reading, Scene scene, Score score) {
    int[] labels = FigureWorldJudge.wholePictureLabels(scene);
    List<JudgeHead> heads = FigureWorldJudge.heads();
    for (int h = 0; h < heads.size(); h++) {
      if (labels[h] < 0) {
        continue;
      }
      String name = heads.get(h).name();
      boolean right = heads.get(h).classes().get(labels[h]).equals(reading.answer(name));
      if (ATTRIBUTES.contains(name)) {
        score.add("attributes", right);
        score.add(name, right);
      } else if (COLUMNS.contains(name)) {
        score.add(name, right);
      }
    }
  }

  private static void writeGrid(List<Picture> pictures, Path file) throws IOException {
    if (pictures.isEmpty()) {
      return;
    }
    int w = pictures.get(0).width();
    int h = pictures.get(0).height();
    int columns = Math.min(16, pictures.size() / 2);
    int rows = (pictures.size() / 2 + columns - 1) / columns * 2;
    BufferedImage image = new BufferedImage(columns * w, rows * h, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < pictures.size(); i += 2) {
      int cell = i / 2;
      int x = cell % columns * w;
      int y = cell / columns * 2 * h;
      image.getGraphics().drawImage(pictures.get(i).toBufferedImage(), x, y, null);
      image.getGraphics().drawImage(pictures.get(i + 1).toBufferedImage(), x, y + h, null);
    }
    Picture.of(image).write(file);
  }
}
