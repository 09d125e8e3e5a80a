package dev.crossnet.examples.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Relation;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeReading;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.relation.DiffusionParts;
import dev.crossnet.core.relation.Exemplar;
import dev.crossnet.core.relation.LearnedToken;
import dev.crossnet.core.relation.LearnedTokenPromptEncoder;
import dev.crossnet.core.relation.PartOfSpeechSets;
import dev.crossnet.core.relation.RelationExemplars;
import dev.crossnet.core.relation.RelationInversion;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A relation benchmark in the manner of ReVersion's: for each FigureWorld relation, a token {@code <R>} is learned
 * from a few exemplar scenes (TRAIN split), then held-out scenes with the same relation between other pairs of
 * entities (colour and kind) are drawn from their captions, once with the relation in plain words and once with
 * {@code <R>} in its place, and a judge reads every drawing. Relation accuracy: the judge's relation head names the
 * relation. Entity accuracy: it counts as many figures as the caption names. Rows: the caption with the relation's
 * words replaced by "and" (how often the judge names the relation where none was asked for), plain words,
 * {@code <R>} learned with the reconstruction loss alone, {@code <R>} with ReVersion's part-of-speech contrastive
 * term, and the real renders of the same scenes (what the judge reads at best). Writes {@code relation-benchmark.md}
 * and the drawings to {@code --out}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.RelationBenchmark --model figureworld-v2 --world main-subject \
 *   --judge models/default-v2/judge [--relations NEXT_TO,FACING] [--exemplars 8] [--steps 150] [--prompts 8]
 *   [--sampling-steps 30] [--first-seed 3000000] [--out /tmp/relation-benchmark]</pre>
 */
@Command(name = "RelationBenchmark", sortOptions = false, sortSynopsis = false,
    description = "Learns each FigureWorld relation as a token from a few exemplars and judges drawings of held-out "
        + "entity pairs in that relation (ReVersion's relation and entity accuracy).")
public final class RelationBenchmark implements Callable<Integer> {

  static final String PLAIN = "plain words";
  static final String UNRELATED = "no relation: its words replaced by \"and\"";
  static final String RECONSTRUCTION = "`<R>`, reconstruction only";
  static final String CONTRASTIVE = "`<R>`, reconstruction + part-of-speech contrastive";
  static final String RENDERS = "real renders of the same scenes";

  @Mixin
  HelpOption help;

  @Mixin
  JudgedModel drawn;

  @Option(names = "--relations", paramLabel = "RELATION", split = ",",
      description = "The relations to learn, comma-separated, of ${COMPLETION-CANDIDATES} (default: all).")
  List<RelationType> relations = new ArrayList<>(Arrays.asList(RelationType.values()));

  @Option(names = "--exemplars", paramLabel = "N", defaultValue = "8",
      description = "Exemplar scenes per relation (default: ${DEFAULT-VALUE}).")
  int exemplarCount;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "150",
      description = "Inversion steps per token (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--prompts", paramLabel = "N", defaultValue = "8",
      description = "Held-out scenes drawn per relation and row (default: ${DEFAULT-VALUE}).")
  int prompts;

  @Option(names = "--sampling-steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps per drawing (default: ${DEFAULT-VALUE}).")
  int samplingSteps;

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--first-seed", paramLabel = "N", defaultValue = "3000000",
      description = "First seed of the held-out scenes searched (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/relation-benchmark",
      description = "Folder for relation-benchmark.md and the drawings (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new RelationBenchmark(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  /** Judged drawings of one row for one relation. */
  static final class Tally {
    int relation;
    int entities;
    int n;

    void add(JudgeReading reading, RelationType type, int figures) {
      relation += reading.answer(FigureWorldJudge.RELATION).equals(type.words()) ? 1 : 0;
      entities += reading.answer(FigureWorldJudge.COUNT).equals(Integer.toString(figures)) ? 1 : 0;
      n++;
    }

    String cells() {
      return n == 0 ? "- | -" : String.format(Locale.ROOT, "%.0f %% (%d/%d) | %.0f %% (%d/%d)", 100.0 * relation / n,
          relation, n, 100.0 * entities / n, entities, n);
    }

    void addTo(Tally total) {
      total.relation += relation;
      total.entities += entities;
      total.n += n;
    }
  }

  private void run() throws Exception {
    if (prompts < 1 || exemplarCount < 1 || steps < 1) {
      throw new IllegalArgumentException("--prompts, --exemplars and --steps must be at least 1");
    }
    Path modelDir = drawn.folder();
    Files.createDirectories(out);
    int side = drawn.generation.config().imageSize();
    List<String> rows = List.of(UNRELATED, PLAIN, RECONSTRUCTION, CONTRASTIVE, RENDERS);
    Map<RelationType, Map<String, Tally>> results = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    try (NDManager m = OfflineEngine.get().newBaseManager();
        Judge judge = FigureWorldJudge.named(drawn.judgeName, m)) {
      DiffusionModel diffusion = DiffusionModel.load(modelDir, m);
      DiffusionParts parts = DiffusionParts.of(diffusion);
      parts.requireTextToImage("relation learning and drawing");
      PartOfSpeechSets words = PartOfSpeechSets.figureWorld(diffusion.tokenizer());
      TextToImage inWords = LearnedTokenPromptEncoder.textToImage(parts, List.of());
      for (RelationType type : relations) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        rows.forEach(r -> tallies.put(r, new Tally()));
        results.put(type, tallies);
        Path dir = out.resolve(type.name().toLowerCase(Locale.ROOT));
        Files.createDirectories(dir);
        RelationInversion.Settings settings = RelationInversion.Settings.reversion(steps);
        List<Exemplar> exemplars = RelationExemplars.figureWorld(type, exemplarCount,
            drawn.generation.scenes().withSize(side, side), 0, settings.placeholder());
        Set<String> seenPairs = exemplars.stream().map(e -> kinds(e.caption())).collect(Collectors.toSet());
        List<Scene> tests = heldOut(type, seenPairs);

        Map<String, TextToImage> withTokens = new LinkedHashMap<>();
        for (String row : List.of(RECONSTRUCTION, CONTRASTIVE)) {
          RelationInversion.Settings s = row.equals(RECONSTRUCTION) ? settings.withSteerWeight(0) : settings;
          long start = System.nanoTime();
          LearnedToken token = new RelationInversion(parts, s).learn(exemplars, words, (step, l) -> { }, m);
          double seconds = (System.nanoTime() - start) / 1e9;
          withTokens.put(row, LearnedTokenPromptEncoder.textToImage(parts, List.of(token)));
          Map<String, Double> cosines = words.meanCosines(token.embedding(),
              diffusion.textEncoder().tokenEmbeddings(), m);
          notes.add(String.format(Locale.ROOT, "%s, %s: learned in %.1f s; mean cosine to %s", type.words(), row,
              seconds, cosines.entrySet().stream()
                  .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                  .collect(Collectors.joining(", "))));
        }
        for (int i = 0; i < tests.size(); i++) {
          Scene scene = tests.get(i);
          int figures = scene.figures().size();
          String plain = scene.caption();
          String withToken = RelationExemplars.caption(plain, type, settings.placeholder());
          Picture drawn = inWords.generate(request(plain, side, i, diffusion), m);
          drawn.write(dir.resolve(i + "-plain.png"));
          tallies.get(PLAIN).add(judge.read(drawn), type, figures);
          Picture unrelated = inWords.generate(request(RelationExemplars.caption(plain, type, "and"), side, i,
              diffusion), m);
          unrelated.write(dir.resolve(i + "-and.png"));
          tallies.get(UNRELATED).add(judge.read(unrelated), type, figures);
          for (Map.Entry<String, TextToImage> t : withTokens.entrySet()) {
            Picture p = t.getValue().generate(request(withToken, side, i, diffusion), m);
            p.write(dir.resolve(i + (t.getKey().equals(RECONSTRUCTION) ? "-reconstruction" : "-contrastive")
                + ".png"));
            tallies.get(t.getKey()).add(judge.read(p), type, figures);
          }
          scene.picture().write(dir.resolve(i + "-render.png"));
          tallies.get(RENDERS).add(judge.read(scene.picture()), type, figures);
          notes.add(type.words() + " " + i + ": " + plain);
        }
        System.out.printf(Locale.ROOT, "%s: %s%n", type.words(), rows.stream()
            .map(r -> r + " " + tallies.get(r).cells()).collect(Collectors.joining("; ")));
      }
    }
    String table = table(modelDir, rows, results, notes);
    AtomicFiles.writeString(out.resolve("relation-benchmark.md"), table);
    System.out.print(table.substring(0, table.indexOf("\n\nNotes")));
    System.out.println();
    System.out.println("drawings and table written to " + out);
  }

  private TextToImageRequest request(String prompt, int side, int index, DiffusionModel diffusion) {
    return TextToImageRequest.of(prompt).withSize(side, side).withSampler(diffusion.defaultSampler(), samplingSteps)
        .withGuidance("", guidance).withSeed(index);
  }

  /**
   * {@code prompts} held-out two-figure scenes whose truth has {@code type} and whose pair of entities no exemplar
   * shows.
   */
  private List<Scene> heldOut(RelationType type, Set<String> seenPairs) {
    SceneGenerator world = new SceneGenerator(drawn.generation.scenes().withFigures(2, 2).withSplit(Split.HELD_OUT)
        .withRelationChance(1.0));
    List<Scene> found = new ArrayList<>();
    for (long seed = firstSeed; found.size() < prompts && seed < firstSeed + 500L * prompts; seed++) {
      Scene scene = world.generate(seed);
      if (scene.relations().stream().map(Relation::type).anyMatch(type::equals)
          && !seenPairs.contains(kinds(scene.caption()))) {
        found.add(scene);
      }
    }
    if (found.size() < prompts) {
      throw new IllegalStateException("found only " + found.size() + " held-out scenes with '" + type.words()
          + "' and a pair of entities no exemplar shows; ask for fewer --prompts");
    }
    return found;
  }

  /**
   * The entities a caption names: each figure's colour and kind, sorted and joined, e.g. {@code "blue cat+red dog"}
   * (FigureWorld has five kinds, so pairs of kinds alone repeat among a few exemplars).
   */
  static String kinds(String caption) {
    Set<String> nouns = Arrays.stream(FigureKind.values()).map(FigureKind::noun)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> colours = Arrays.stream(Colour.values()).map(Colour::word)
        .collect(Collectors.toCollection(TreeSet::new));
    List<String> entities = new ArrayList<>();
    String colour = "";
    for (String word : caption.split("[^a-z]+")) {
      if (colours.contains(word)) {
        colour = word;
      } else if (nouns.contains(word)) {
        entities.add(colour + " " + word);
        colour = "";
      }
    }
    return entities.stream().sorted().collect(Collectors.joining("+"));
  }

  private String table(Path modelDir, List<String> rows, Map<RelationType, Map<String, Tally>> results,
      List<String> notes) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Model: %s; judge: %s; %d exemplars and %d inversion steps per relation "
        + "(ReVersion's settings), %d held-out scenes per relation from seed %d whose pair of entities (colour and "
        + "kind) no exemplar shows; %d sampling steps, guidance %s.%n%n", modelDir, drawn.judgeName, exemplarCount,
        steps, prompts, firstSeed, samplingSteps, guidance));
    md.append("Relation accuracy / entity accuracy (the judge counts the caption's figures):\n\n| row | ");
    md.append(results.keySet().stream().map(t -> t.words() + " (relation) | (entities)")
        .collect(Collectors.joining(" | ")));
    md.append(" | all (relation) | (entities) |\n|---|");
    md.append("---:|---:|".repeat(results.size() + 1)).append('\n');
    for (String row : rows) {
      Tally total = new Tally();
      md.append("| ").append(row).append(" | ");
      for (Map<String, Tally> t : results.values()) {
        md.append(t.get(row).cells()).append(" | ");
        t.get(row).addTo(total);
      }
      md.append(total.cells()).append(" |\n");
    }
    md.append("\nNotes\n\n");
    notes.forEach(n -> md.append("- ").append(n).append('\n'));
    return md.toString();
  }
}
