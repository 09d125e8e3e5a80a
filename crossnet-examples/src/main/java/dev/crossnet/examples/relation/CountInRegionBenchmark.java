package dev.crossnet.examples.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Caption;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FocusMasks;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeReading;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.edit.CountScenes;
import dev.crossnet.examples.edit.CountScenes.CountScene;
import dev.crossnet.examples.edit.Metrics;
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
 * A count benchmark for edits: in scenes of one figure, a box about the figure, as wide as N figures as wide as it
 * ({@code --box PER_COUNT}) or as wide as the largest count asked ({@code WIDEST}), is asked to hold N of that
 * figure (the figure itself, as the scene shows it, is the subject {@code <it>}). Rows per N, from the same seed:
 * the box redrawn once from a prompt that names the count ("three {@code <it>}"); the box split into N columns with
 * the subject drawn in each ({@code with(subject, N)}); and, as an ablation, the columns drawn in one denoising loop,
 * each with a word of its own. Every row draws afresh (strength 1, motion branch off). The judge counts the figures
 * in the whole picture and reads each column's kind and colour; pixels changed outside the box are counted. Writes
 * {@code count-in-region.md} and the pictures to {@code --out}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.CountInRegionBenchmark --model figureworld-v2-inpainting --world main-subject \
 *   --judge models/default-v2/scorer [--counts 1,2,3] [--scenes 12] [--first-seed 4000000] [--split TRAIN]
 *   [--box PER_COUNT] [--methods PROMPT,COLUMNS,TOGETHER]</pre>
 */
@Command(name = "CountInRegionBenchmark", sortOptions = false, sortSynopsis = false,
    description = "Judges how often a box asked to hold N of a scene's figure holds N, redrawn from a prompt that "
        + "names the count and split into N columns.")
public final class CountInRegionBenchmark implements Callable<Integer> {

  /** The rows: how the box is asked to hold N. */
  enum Method {
    PROMPT("the box redrawn from a prompt naming the count"),
    COLUMNS("the box split into N columns, the subject in each"),
    TOGETHER("N columns in one denoising loop, each with its own word");

    final String words;

    Method(String words) {
      this.words = words;
    }
  }

  @Mixin
  HelpOption help;

  @Mixin
  JudgedModel drawn;

  @Option(names = "--counts", paramLabel = "N", split = ",", defaultValue = "1,2,3",
      description = "The counts asked for, comma-separated, each 1 to 4 (default: ${DEFAULT-VALUE}).")
  List<Integer> counts;

  @Option(names = "--methods", paramLabel = "METHOD", split = ",", defaultValue = "PROMPT,COLUMNS",
      description = "The rows, comma-separated, of ${COMPLETION-CANDIDATES}: TOGETHER is the columns drawn in one "
          + "denoising loop, the figure a subject of its own in each (<it-1>, <it-2>, ...; subjects=together) "
          + "(default: ${DEFAULT-VALUE}).")
  List<Method> methods;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "12",
      description = "Scenes edited per count (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--first-seed", paramLabel = "N", defaultValue = "4000000",
      description = "Seed where the search for scenes starts (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "TRAIN",
      description = "The scenes' split, ${COMPLETION-CANDIDATES}: one-figure HELD_OUT scenes are purple robots or "
          + "lying dogs only (default: ${DEFAULT-VALUE}).")
  Split split;

  @Option(names = "--box", paramLabel = "RULE", defaultValue = "WIDEST",
      description = "How wide the box asked for N is, ${COMPLETION-CANDIDATES}: WIDEST as wide as the largest count "
          + "asked of figures as wide as the scene's (at least half the frame), for every N; PER_COUNT as wide as N "
          + "such figures; HALF_MORE as N and a half (each plus 8 pixels) (default: ${DEFAULT-VALUE}).")
  BoxRule boxRule;

  /** How wide the box asked for N is. */
  enum BoxRule { WIDEST, PER_COUNT, HALF_MORE }

  @Option(names = "--edit-options", paramLabel = "KEY=VALUE", split = "\\s*,\\s*", splitSynopsisLabel = ",",
      description = "Edit options added to every row, comma-separated, e.g. candidates=2 (default: none).")
  Map<String, String> editOptions = new LinkedHashMap<>();

  @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps of each edit (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/count-in-region",
      description = "Folder for count-in-region.md and the pictures (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new CountInRegionBenchmark(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  /** Judged edits of one row at one count. */
  static final class Tally {
    int counted;
    int looks;
    long outside;
    double seconds;
    int n;

    String cells() {
      return String.format(Locale.ROOT, "%.0f %% (%d/%d) | %.0f %% (%d/%d) | %d | %.2f", 100.0 * counted / n,
          counted, n, 100.0 * looks / n, looks, n, outside, seconds / n);
    }
  }

  /** The box {@code c}'s figure is asked to hold {@code count} of it in under {@code rule}. */
  static Box box(CountScene c, BoxRule rule, int count, int most) {
    Box bounds = c.figure().mask().bounds().orElseThrow();
    int side = c.scene().picture().width();
    int height = c.scene().picture().height();
    return switch (rule) {
      case WIDEST -> CountScenes.about(bounds, side, height, Math.max(bounds.width() * most + 8, side / 2));
      case PER_COUNT -> CountScenes.about(bounds, side, height, Math.min(bounds.width() * count + 8, side - 8));
      case HALF_MORE -> CountScenes.advised(bounds, side, height, count);
    };
  }

  private void run() throws Exception {
    if (scenes < 1 || steps < 1 || counts.isEmpty() || counts.stream().anyMatch(c -> c < 1 || c > 4)) {
      throw new IllegalArgumentException("--scenes and --steps must be at least 1, every --counts value 1 to 4");
    }
    Path modelDir = drawn.folder();
    Files.createDirectories(out);
    int most = counts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    List<CountScene> cases = cases(most);
    StringBuilder rows = new StringBuilder();
    List<String> notes = new ArrayList<>();
    try (NDManager m = OfflineEngine.get().newBaseManager();
        Judge judge = FigureWorldJudge.named(drawn.judgeName, m)) {
      for (int count : counts) {
        for (Method method : methods) {
          Tally tally = new Tally();
          for (int i = 0; i < cases.size(); i++) {
            CountScene c = cases.get(i);
            Box box = box(c, boxRule, count, most);
            EditResult result = edit(c, box, method, count, modelDir);
            Picture picture = result.picture();
            picture.write(out.resolve(i + "-" + count + "-" + method.name().toLowerCase(Locale.ROOT) + ".png"));
            String got = judge.read(picture).answer(FigureWorldJudge.COUNT);
            int looks = looks(judge, picture, c, box, count);
            tally.counted += got.equals(Integer.toString(count)) ? 1 : 0;
            tally.looks += looks == count ? 1 : 0;
            tally.outside += Metrics.changed(c.scene().picture(), picture, box.toMask(picture.width(),
                picture.height()));
            tally.seconds += result.totalTime().toMillis() / 1000.0;
            tally.n++;
            notes.add(String.format(Locale.ROOT, "%d (scene %d), N = %d, %s: counted %s, %d of %d columns in the "
                + "figure's kind and colour; prompt \"%s\"", i, c.seed(), count,
                method.name().toLowerCase(Locale.ROOT), got, looks, count, prompts(result)));
          }
          rows.append(String.format(Locale.ROOT, "| %d | %s | %s |%n", count, method.words, tally.cells()));
          System.out.printf(Locale.ROOT, "N = %d, %s: %s%n", count, method.words, tally.cells());
        }
      }
      for (int i = 0; i < cases.size(); i++) {
        cases.get(i).scene().picture().write(out.resolve(i + "-bedrock.png"));
      }
    }
    String table = String.format(Locale.ROOT, "Model: %s; judge: %s; %d one-figure %s scenes from seed %d, boxes "
        + "%s (largest count %d); %d steps, strength 1, motion branch off, edit options %s.%n%n| N | method | "
        + "counted N | every column the figure's kind and colour | pixels changed outside the box | s per edit |%n"
        + "|---:|---|---:|---:|---:|---:|%n", modelDir, drawn.judgeName, cases.size(), split, firstSeed, boxRule,
        most, steps, editOptions)
        + rows + "\nNotes\n\n" + String.join("\n", notes.stream().map(n -> "- " + n).toList()) + "\n";
    AtomicFiles.writeString(out.resolve("count-in-region.md"), table);
    System.out.println("pictures and table written to " + out);
  }

  /**
   * The first {@code --scenes} one-figure scenes from {@code --first-seed} whose figure fits {@code most} times
   * side by side in the frame ({@link CountScenes#first}).
   */
  private List<CountScene> cases(int most) {
    SceneGenerator world = CountScenes.oneFigure(drawn.generation.scenes().withSplit(split));
    List<CountScene> cases = new ArrayList<>();
    long seed = firstSeed;
    while (cases.size() < scenes) {
      CountScene c = CountScenes.first(world, seed, most).orElseThrow(() -> new IllegalStateException("found "
          + cases.size() + " of " + scenes + " scenes whose figure fits " + most + " times across the frame; ask "
          + "for fewer or a lower --counts"));
      cases.add(c);
      seed = c.seed() + 1;
    }
    return cases;
  }

  private EditResult edit(CountScene c, Box b, Method method, int count, Path modelDir) {
    Subject it = Subject.of("<it>", c.scene().picture()).withMasks(c.figure().mask());
    var region = Editor.bedrock(c.scene().picture()).replace(Region.box(b.x(), b.y(), b.width(), b.height()));
    ReadyEdit edit = switch (method) {
      case COLUMNS -> region.with(it, count);
      case PROMPT -> region.with(it).prompt(countWord(c.figure().figure(), count) + " " + it.word());
      case TOGETHER -> together(c, b, count);
    };
    return edit.steps(steps).strength(1.0).seed(1).option("branch.motion", false).options(editOptions)
        .model(modelDir).run();
  }

  /** The prompts the edit used, as its record holds them (one per column). */
  private static String prompts(EditResult result) {
    return String.join("; ", result.record().entrySet().stream()
        .filter(e -> e.getKey().equals("prompt") || e.getKey().endsWith(".prompt")).map(Map.Entry::getValue).toList());
  }

  /** The caption's word for a count: a, two, three, four. */
  static String countWord(Figure figure, int count) {
    String phrase = Caption.phrase(figure, count);
    return phrase.substring(0, phrase.indexOf(' '));
  }

  /** The box's columns as {@code count} replacements, each the figure under a word of its own, in one loop. */
  private static ReadyEdit together(CountScene c, Box b, int count) {
    Picture picture = c.scene().picture();
    ReadyEdit edit = null;
    int k = 0;
    for (Mask column : columns(picture, b, count)) {
      Subject one = Subject.of("<it-" + ++k + ">", picture).withMasks(c.figure().mask());
      edit = edit == null ? Editor.bedrock(picture).replace(Region.mask(column)).with(one)
          : edit.replace(Region.mask(column)).with(one);
    }
    return edit.option("subjects", "together");
  }

  /** How many of the box's {@code count} columns the judge reads in the figure's kind and colour. */
  private static int looks(Judge judge, Picture picture, CountScene c, Box b, int count) {
    Figure figure = c.figure().figure();
    int n = 0;
    for (Mask column : columns(picture, b, count)) {
      JudgeReading r = judge.read(picture, FocusMasks.box(column.bounds().orElseThrow(), 0, picture.width(),
          picture.height()));
      n += r.answer(FigureWorldJudge.KIND).equals(figure.kind().noun())
          && r.answer(FigureWorldJudge.COLOUR).equals(figure.appearance().colour().word()) ? 1 : 0;
    }
    return n;
  }

  /** The box's {@code count} columns, as the runtime splits a counted region ({@link RegionMasks#columns}). */
  private static List<Mask> columns(Picture picture, Box b, int count) {
    return RegionMasks.columns(Region.box(b.x(), b.y(), b.width(), b.height()), count, picture.width(),
        picture.height());
  }
}
