package dev.crossnet.examples.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.ReadModel;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.reading.FigureWorldReaderProvider;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import dev.crossnet.examples.train.ModelGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How often the edit's FigureWorld reader reads the edit benchmark's occupants right: on the same held-out scenes
 * as {@link EditBenchmark} (same {@code --world}, {@code --seed} and {@code --scenes}), the occupant's kind, its
 * skeleton (what decides whether the subject is drawn in the occupant's outline) and the action the reader asks
 * the subject to do there, each against the scene's truth. Given the {@code cases.csv} of a benchmark run on those
 * scenes, it also splits the run's pose agreement by whether the action was read right, so that pose lost to a
 * misreading can be told from pose lost in the drawing. It reads the subject's picture the same way (its size,
 * colour and kind words and whether it wears a hat, against the figure the ideal edit draws) and splits the run's
 * look agreement by whether the subject was read right.
 *
 * <pre>java -cp ... dev.crossnet.examples.edit.ReaderCheck --model figureworld-v2-inpainting --world main-subject
 *     --seed 1 --scenes 72 --cases out/bench/cases.csv</pre>
 */
@Command(name = "ReaderCheck", sortOptions = false, sortSynopsis = false,
    description = "Reads the edit benchmark's occupants with the edit's FigureWorld reader and counts what it reads "
        + "right.")
public final class ReaderCheck implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "figureworld-v2-inpainting",
      description = "The model whose reader (its judge/) reads: a built-in model or a folder (default: "
          + "${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "main-subject",
      converter = ModelGeneration.Word.class, description = "The benchmark's --world (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "32",
      description = "The benchmark's --size, standard world only (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "The benchmark's --seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "72",
      description = "The benchmark's --scenes (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--cases", paramLabel = "FILE",
      description = "cases.csv of an edit benchmark run on these scenes; its first method's pose column is split by "
          + "the reading (default: none).")
  Path cases;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ReaderCheck(), args));
  }

  /** Counts of one run: readings right, and the benchmark's pose agreement split by the action's reading. */
  static final class Tally {
    int cases;
    int kind;
    int skeleton;
    int action;
    int subjectKind;
    int subjectColour;
    int subjectLook;
    final int[] poseKept = new int[2];
    final int[] poseCases = new int[2];
    final int[] lookKept = new int[2];
    final int[] lookCases = new int[2];

    void add(boolean kindRight, boolean skeletonRight, boolean actionRight, Optional<Boolean> poseKeptInEdit) {
      cases++;
      kind += kindRight ? 1 : 0;
      skeleton += skeletonRight ? 1 : 0;
      action += actionRight ? 1 : 0;
      poseKeptInEdit.ifPresent(kept -> {
        int i = actionRight ? 1 : 0;
        poseCases[i]++;
        poseKept[i] += kept ? 1 : 0;
      });
    }

    void addSubject(LookWordsRead read, Optional<Boolean> lookKeptInEdit) {
      subjectKind += read.kind() ? 1 : 0;
      subjectColour += read.colour() ? 1 : 0;
      subjectLook += read.all() ? 1 : 0;
      lookKeptInEdit.ifPresent(kept -> {
        int i = read.all() ? 1 : 0;
        lookCases[i]++;
        lookKept[i] += kept ? 1 : 0;
      });
    }

    String report() {
      String out = String.format(Locale.ROOT, "%d cases: occupant's kind read right %d, its skeleton %d, the action "
          + "asked of the subject %d", cases, kind, skeleton, action);
      if (poseCases[0] + poseCases[1] > 0) {
        out += String.format(Locale.ROOT, "; the edit kept the pose in %d of %d cases whose action was read right "
            + "and in %d of %d read wrong", poseKept[1], poseCases[1], poseKept[0], poseCases[0]);
      }
      out += String.format(Locale.ROOT, "%nsubject's kind read right %d, its colour %d, its whole look (size, colour, "
          + "kind, hat) %d", subjectKind, subjectColour, subjectLook);
      if (lookCases[0] + lookCases[1] > 0) {
        out += String.format(Locale.ROOT, "; the edit kept the look in %d of %d cases whose subject was read right "
            + "and in %d of %d read wrong", lookKept[1], lookCases[1], lookKept[0], lookCases[0]);
      }
      return out;
    }
  }

  @Override
  public Integer call() throws IOException {
    if (scenes < 1) {
      throw new IllegalArgumentException("--scenes must be at least 1, got " + scenes);
    }
    Map<Long, Boolean> pose = cases == null ? Map.of() : column(cases, "pose");
    Map<Long, Boolean> look = cases == null ? Map.of() : column(cases, "look");
    SceneGenerator world = EditBenchmark.heldOutWorld(EditBenchmark.sceneOptions(generation, size));
    Tally tally = new Tally();
    try (NDManager m = OfflineEngine.get().newBaseManager();
        SceneReader reader = new FigureWorldReaderProvider().open(ReadModel.at(ModelArgument.folder(model)), m)) {
      for (EditBenchmark.Found found : EditBenchmark.cases(world, seed, scenes)) {
        SceneCase c = found.sceneCase();
        Scene scene = c.scene();
        OccupantReading occupant = reader.occupants(scene.picture(), List.of(c.region())).get(0);
        SubjectReading subject = reader.subject(c.subject());
        Figure truth = scene.figures().get(0).figure();
        // the figure the ideal edit draws in the occupant's place: the subject's look in the occupant's pose
        Figure ideal = scene.idealEditLike(0, 1).edited().figures().get(0).figure();
        tally.add(occupant.kind().equals(truth.kind().noun()),
            FigureKind.ofNoun(occupant.kind()).skeleton().equals(truth.kind().skeleton()),
            reader.actionFor(subject, occupant).equals(ideal.pose().word()),
            Optional.ofNullable(pose.get(found.seed())));
        tally.addSubject(LookWordsRead.compare(subject, ideal), Optional.ofNullable(look.get(found.seed())));
      }
    }
    System.out.println(tally.report());
    return CommandLines.OK;
  }

  /** Which of the subject's look words the reader read as the figure the ideal edit draws. */
  record LookWordsRead(boolean size, boolean colour, boolean kind, boolean hat) {

    boolean all() {
      return size && colour && kind && hat;
    }

    /** Compares the likeliest word of each mixture slot (size, colour, kind in caption order) and the hat phrase. */
    static LookWordsRead compare(SubjectReading reading, Figure truth) {
      List<String> likeliest = reading.words().stream().filter(w -> !w.mixture().isEmpty())
          .map(w -> w.mixture().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
          .toList();
      boolean hatRead = reading.words().stream().anyMatch(w -> w.mixture().isEmpty());
      Appearance a = truth.appearance();
      return new LookWordsRead(likeliest.contains(a.size().word()), likeliest.contains(a.colour().word()),
          reading.kind().equals(truth.kind().noun()), hatRead == a.hat());
    }
  }

  /** Scene seed to whether the first method of {@code cases.csv} agreed on {@code name} ("pose", "look") there. */
  static Map<Long, Boolean> column(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = lines.isEmpty() ? List.of() : List.of(lines.get(0).split(","));
    int at = header.indexOf(name);
    if (header.size() < 2 || !header.get(0).equals("scene") || !header.get(1).equals("method") || at < 0) {
      throw new IllegalArgumentException(file + " is not an edit benchmark's cases.csv (its header should be "
          + "scene,method,...,look,...,pose)");
    }
    Map<Long, Boolean> out = new HashMap<>();
    String method = null;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (method == null) {
        method = f[1];
      }
      if (f[1].equals(method)) {
        out.put(Long.parseLong(f[0]), f[at].equals("1"));
      }
    }
    return out;
  }
}
