package dev.crossnet.examples.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.runtime.Runtimes;
import dev.crossnet.core.edit.EditOptionCheck;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import dev.crossnet.examples.train.ModelGeneration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Several subjects at once, measured: in held-out FigureWorld scenes of two figures, both occupants are replaced in
 * one edit, each by the other's look ({@link SwapCase}), each subject with its own word, region and cross-attention
 * branch; the CrossNet row is also split by whether the two regions overlap. A further row edits one subject after
 * the other, the second on the first's result (the edit option {@code subjects=one-by-one}). The judge reads each
 * region's look and pose against the ideal result, and the relation between the two figures against the
 * bedrock's. Controls: the ideal result itself and the ideal through the autoencoder alone. Writes
 * {@code two-subject-benchmark.md}, {@code cases.csv} and every picture to {@code --out}.
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.edit.TwoSubjectBenchmark --model figureworld-v2-inpainting --world main-subject \
 *   --judge models/default-v2/judge --scenes 72 --steps 30 --seed 500
 * </pre>
 */
@Command(name = "TwoSubjectBenchmark", sortOptions = false, sortSynopsis = false,
    description = "Two occupants replaced in one edit, each by the other's look, on held-out FigureWorld scenes: "
        + "both looks, both poses and the relation between them, judged.")
public final class TwoSubjectBenchmark implements Callable<Integer> {

  private static final String CROSSNET = "CrossNet (both subjects in one edit)";
  private static final String APART = CROSSNET + ": regions apart";
  private static final String OVERLAPPING = CROSSNET + ": regions overlapping";
  private static final String SEQUENTIAL = "CrossNet (subjects=one-by-one)";
  private static final String IDEAL = "control: the ideal result";
  private static final String VAE = "control: the ideal result through the VAE alone";

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
  Optional<Path> model = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/two-subject-benchmark",
      description = "Folder for the table, cases.csv and every picture (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "4",
      description = "Held-out scenes edited (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Scenes of standard FigureWorld (at --size) or main-subject FigureWorld (128x128) (default: "
          + "${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "64",
      description = "Scene width and height in pixels, standard world only (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "bundled",
      description = "The judge: bundled, or a judge folder such as models/default-v2/judge (default: "
          + "${DEFAULT-VALUE}).")
  String judgeName;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--strength", paramLabel = "S",
      description = "Strength (default: the model's own, as crossnet edit).")
  Optional<Double> strength = Optional.empty();

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the first scene, and of every edit's noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--edit-options", paramLabel = "KEY=VALUE", split = "\\s*,\\s*", splitSynopsisLabel = ",",
      description = "Edit options added to the CrossNet row, comma-separated (default: none).")
  Map<String, String> editOptions = new LinkedHashMap<>();

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TwoSubjectBenchmark(), args));
  }

  @Override
  public Integer call() throws Exception {
    EditOptionCheck.discover().check(PluginConfig.of(editOptions));
    model = model.map(ModelArgument::folder);
    Files.createDirectories(out);
    EditRuntime runtime = Runtimes.discover();
    String strengthUsed = "";
    SceneOptions options = generation == ModelGeneration.STANDARD ? SceneOptions.defaults().withSize(size, size)
        : generation.scenes();
    SceneGenerator world = new SceneGenerator(options.withSplit(Split.HELD_OUT).withFigures(2, 2));
    Map<String, SwapScores> rows = new LinkedHashMap<>();
    List.of(CROSSNET, APART, OVERLAPPING, SEQUENTIAL, IDEAL, VAE).forEach(name -> rows.put(name, new SwapScores()));
    List<String> cases = new ArrayList<>(List.of("scene,method,regions," + SwapScores.CSV_HEADER));
    int done = 0;
    try (NDManager judgeManager = OfflineEngine.get().newBaseManager(); VaeRoundTrip vae = new VaeRoundTrip(model);
        Judge judge = FigureWorldJudge.named(judgeName, judgeManager)) {
      for (long s = seed; done < scenes && s < seed + 50L * scenes; s++) {
        Optional<SwapCase> found = SwapCase.of(world.generate(s));
        if (found.isEmpty()) {
          continue;
        }
        SwapCase c = found.get();
        Path dir = out.resolve("scene-" + s);
        Files.createDirectories(dir);
        c.scene().picture().write(dir.resolve("bedrock.png"));
        c.ideal().picture().write(dir.resolve("ideal.png"));
        EditResult r = edit(c).option("subjects", "together").run(runtime);
        strengthUsed = r.record().getOrDefault("strength", "");
        r.picture().write(dir.resolve("crossnet.png"));
        EditResult twice = edit(c).option("subjects", "one-by-one").run(runtime);
        twice.picture().write(dir.resolve("crossnet-one-by-one.png"));
        double sequentialSeconds = twice.totalTime().toNanos() / 1e9;
        int feather = Integer.parseInt(r.record().getOrDefault("branch.region.feather", "0"));
        Map<String, Picture> results = new LinkedHashMap<>();
        results.put(CROSSNET, r.picture());
        results.put(c.apart() ? APART : OVERLAPPING, r.picture());
        results.put(SEQUENTIAL, twice.picture());
        results.put(IDEAL, c.ideal().picture());
        if (vae.available()) {
          Picture roundTrip = vae.applyInside(c.ideal().picture(), c.union(), feather);
          roundTrip.write(dir.resolve("ideal-through-the-vae.png"));
          results.put(VAE, roundTrip);
        }
        for (Map.Entry<String, Picture> e : results.entrySet()) {
          double seconds = e.getKey().startsWith(CROSSNET) ? r.totalTime().toNanos() / 1e9
              : e.getKey().equals(SEQUENTIAL) ? sequentialSeconds : Double.NaN;
          String row = rows.get(e.getKey()).add(judge, e.getValue(), c,
              PictureTensors.feather(c.union(), feather), seconds);
          if (!e.getKey().equals(APART) && !e.getKey().equals(OVERLAPPING)) {
            cases.add(s + "," + e.getKey() + "," + (c.apart() ? "apart" : "overlapping") + "," + row);
          }
        }
        done++;
      }
    }
    if (done == 0) {
      throw new IllegalStateException("no held-out scene of two visible figures found from seed "
          + seed + "; try another --seed");
    }
    String table = table(done, options, strengthUsed, rows);
    AtomicFiles.writeString(out.resolve("two-subject-benchmark.md"), table);
    AtomicFiles.writeString(out.resolve("cases.csv"), String.join("\n", cases) + "\n");
    System.out.println(table);
    System.out.println("pictures and table written to " + out);
    return CommandLines.OK;
  }

  private ReadyEdit edit(SwapCase c) {
    ReadyEdit e = Editor.bedrock(c.scene().picture())
        .replace(Region.mask(c.regions().get(0))).with(c.subjects().get(0))
        .replace(Region.mask(c.regions().get(1))).with(c.subjects().get(1))
        .prompt(SwapCase.FIRST + " and " + SwapCase.SECOND)
        .steps(steps).guidanceScale(guidance).seed(seed)
        .options(editOptions);
    if (strength.isPresent()) {
      e = e.strength(strength.get());
    }
    return model.isPresent() ? e.model(model.get()) : e;
  }

  private String table(int done, SceneOptions options, String strengthUsed, Map<String, SwapScores> rows) {
    StringBuilder md = new StringBuilder("# CrossNet two-subject benchmark\n\n");
    md.append(String.format(Locale.ROOT, "Model: %s. %d held-out FigureWorld scenes of %dx%d with two figures; "
        + "both figures swap looks in one edit. %d steps, strength %s, guidance %.1f, "
        + "seed %d; judge: %s.%s%n%n", model.map(Path::toString).orElse("the embedded default model"), done,
        options.width(), options.height(), steps, strengthUsed, guidance, seed, judgeName,
        editOptions.isEmpty() ? "" : " Edit options: " + editOptions + "."));
    md.append(SwapScores.TABLE_HEADER);
    rows.forEach((name, scores) -> {
      if (scores.count() > 0) {
        md.append(scores.row(name));
      }
    });
    md.append("\nLook and pose: the share of regions (first, second) or of scenes (both) where the judge, asked "
        + "about the region's bounding box, reads the same kind, colour, hat and size (look) or pose as on the ideal "
        + "result. Relation kept: the share of scenes where the judge's relation head reads the same relation on the "
        + "whole picture as on the bedrock, over all scenes and over those where it reads a relation (other "
        + "than none) on the bedrock (their count in brackets). Pixels changed: outside both regions and their "
        + "feathered fades, summed over all scenes.\n");
    return md.toString();
  }
}
