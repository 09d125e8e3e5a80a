package dev.crossnet.examples.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.train.ModelGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Reads the pictures a finished edit benchmark wrote again, with another judge: every result beside its scene's
 * ideal edit, as {@link EditBenchmark} reads them, so that methods can be scored by a judge other than the one the
 * run used without editing again. The scenes are found again from their seeds (the {@code scene-SEED} folders), so
 * {@code --world} and {@code --size} must be the run's. Writes the table and, beside it, every case's agreements
 * ({@code rescored-cases.csv} beside {@code rescored.md}).
 *
 * <pre>java -cp ... dev.crossnet.examples.edit.RescoreEditBenchmark --benchmark out/bench --world main-subject
 *     --judge models/default-v2/scorer</pre>
 */
@Command(name = "RescoreEditBenchmark", sortOptions = false, sortSynopsis = false,
    description = "Reads a finished edit benchmark's pictures again with another judge and writes the judge's "
        + "columns as Markdown.")
public final class RescoreEditBenchmark implements Callable<Integer> {

  /** Pictures of a scene folder that are not results. */
  private static final Set<String> INPUTS = Set.of("bedrock.png", "ideal.png");

  @Mixin
  HelpOption help;

  @Option(names = "--benchmark", paramLabel = "DIR", required = true,
      description = "The folder an edit benchmark wrote (its --out).")
  Path benchmark;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "The benchmark's --world (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "32",
      description = "The benchmark's --size, standard world only (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "bundled",
      description = "The judge: bundled, or a judge folder (default: ${DEFAULT-VALUE}).")
  String judgeName;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Where to write the table (default: rescored.md in the benchmark's folder).")
  Optional<Path> markdown = Optional.empty();

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new RescoreEditBenchmark(), args));
  }

  @Override
  public Integer call() throws IOException {
    List<Path> folders = sceneFolders(benchmark);
    SceneGenerator world = EditBenchmark.heldOutWorld(EditBenchmark.sceneOptions(generation, size));
    Map<String, List<JudgeAgreement>> byMethod = new TreeMap<>();
    List<JudgeAgreement> ideals = new ArrayList<>();
    List<String> cases = new ArrayList<>(List.of("scene,picture,pairing,look,kind,colour,hat,size,pose"));
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      Judge judge = FigureWorldJudge.named(judgeName, manager);
      for (Path folder : folders) {
        long seed = seedOf(folder);
        SceneCase c = SceneCase.of(world.generate(seed), 0, 1, EditBenchmark.WORD).orElseThrow(() ->
            new IllegalArgumentException(folder + " is not a scene of this world; give the benchmark's --world and "
                + "--size"));
        Picture ideal = Picture.read(folder.resolve("ideal.png"));
        if (!ideal.equals(c.ideal())) {
          throw new IllegalArgumentException(folder + "/ideal.png is not the ideal edit of scene " + seed
              + " in this world; give the benchmark's --world and --size");
        }
        ideals.add(JudgeAgreement.againstTruth(judge, ideal, c.region(), c.idealTruth()));
        for (Path result : results(folder)) {
          String method = result.getFileName().toString().replaceFirst("\\.png$", "");
          JudgeAgreement a = JudgeAgreement.of(judge, Picture.read(result), ideal, c.region());
          byMethod.computeIfAbsent(method, k -> new ArrayList<>()).add(a);
          cases.add(String.join(",", Long.toString(seed), method, c.pairing().name(), a.digits()));
        }
      }
      judge.close();
    }
    String table = table(byMethod, folders.size()) + EditBenchmark.judgeOnIdeals(ideals);
    Path file = markdown.orElse(benchmark.resolve("rescored.md"));
    Path csv = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.md$", "") + "-cases.csv");
    AtomicFiles.writeString(file, "# Edit benchmark read again\n\nPictures: " + benchmark + ". Judge: " + judgeName
        + ".\n\n" + table);
    AtomicFiles.writeString(csv, String.join("\n", cases) + "\n");
    System.out.print(table);
    System.out.println("written to " + file + " and " + csv);
    return CommandLines.OK;
  }

  /** The benchmark's {@code scene-SEED} folders, in seed order; fails when there are none. */
  static List<Path> sceneFolders(Path benchmark) throws IOException {
    if (!Files.isDirectory(benchmark)) {
      throw new IllegalArgumentException(benchmark + " is not a folder; give the --out folder of an edit benchmark");
    }
    try (Stream<Path> files = Files.list(benchmark)) {
      List<Path> folders = files.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("scene-\\d+"))
          .sorted((a, b) -> Long.compare(seedOf(a), seedOf(b))).toList();
      if (folders.isEmpty()) {
        throw new IllegalArgumentException(benchmark + " holds no scene-SEED folders; give the --out folder of an "
            + "edit benchmark");
      }
      return folders;
    }
  }

  private static long seedOf(Path folder) {
    return Long.parseLong(folder.getFileName().toString().substring("scene-".length()));
  }

  /** A scene folder's result pictures: every picture but the bedrock, the ideal and the subject's. */
  private static List<Path> results(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".png"))
          .filter(p -> !INPUTS.contains(p.getFileName().toString()))
          .filter(p -> !p.getFileName().toString().startsWith("subject-")).sorted().toList();
    }
  }

  static String table(Map<String, List<JudgeAgreement>> byMethod, int scenes) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%d scenes.%n%n", scenes));
    md.append("| picture | judge: subject's look | (kind) | (colour) | (hat) | (size) | judge: occupant's pose |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    byMethod.forEach((method, list) -> {
      JudgeAgreement share = JudgeAgreement.mean(list);
      md.append(String.format(Locale.ROOT, "| %s | %.0f %% | %.0f %% | %.0f %% | %.0f %% | %.0f %% | %.0f %% |%n",
          method, 100 * share.appearance(), 100 * share.kind(), 100 * share.colour(), 100 * share.hat(),
          100 * share.size(), 100 * share.pose()));
    });
    return md.toString();
  }
}
