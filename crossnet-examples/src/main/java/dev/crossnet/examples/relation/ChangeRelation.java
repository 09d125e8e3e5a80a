package dev.crossnet.examples.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Caption;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FocusMasks;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.relation.DiffusionParts;
import dev.crossnet.core.relation.LearnedToken;
import dev.crossnet.core.relation.PartOfSpeechSets;
import dev.crossnet.core.relation.RelationExemplars;
import dev.crossnet.core.relation.RelationInversion;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Changes the relation between two occupants in an edit: learns {@code <R>} from FigureWorld exemplars (as
 * {@link LearnRelation}), then, in held-out scenes of two figures that stand apart (a gap between their boxes, and the
 * judge reads no such relation in the bedrock), redraws the box around both from the prompt "the first figure
 * {@code <R>} the second" (the token given to the edit as a subject embedding; the motion branch off, so the old
 * layout does not hold the figures apart), and as a control from the same prompt with "and" in place of {@code <R>}.
 * The judge reads the relation of each result. Writes the bedrocks, both results and {@code change-relation.md}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.ChangeRelation --model figureworld-v2-inpainting --world main-subject \
 *   --learn-on figureworld-v2 --judge models/default-v2/judge [--relation HOLDING_HANDS] [--scenes 10]
 *   [--out /tmp/change-relation]</pre>
 */
@Command(name = "ChangeRelation", sortOptions = false, sortSynopsis = false,
    description = "Learns a relation token and redraws two figures that stand apart in held-out scenes in that "
        + "relation, against the same edit without the token.")
public final class ChangeRelation implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Mixin
  JudgedModel drawn;

  @Option(names = "--learn-on", paramLabel = "MODEL",
      description = "The model <R> is learned on, with the edited model's text encoder (default: --model; an "
          + "inpainting model learns on its plain twin, e.g. figureworld-v2 for figureworld-v2-inpainting).")
  Optional<Path> learnOn = Optional.empty();

  @Option(names = "--relation", paramLabel = "RELATION", defaultValue = "HOLDING_HANDS",
      description = "The relation to learn and draw, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RelationType type;

  @Option(names = "--exemplars", paramLabel = "N", defaultValue = "8",
      description = "Exemplar scenes (default: ${DEFAULT-VALUE}).")
  int exemplarCount;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "150",
      description = "Inversion steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "10",
      description = "Held-out scenes edited (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--sampling-steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps of each edit (default: ${DEFAULT-VALUE}).")
  int samplingSteps;

  @Option(names = "--pose-words", paramLabel = "true|false", defaultValue = "false", arity = "1",
      description = "Keep each figure's pose word in the prompt; a sitting figure does not hold hands "
          + "(default: ${DEFAULT-VALUE}).")
  boolean poseWords;

  @Option(names = "--first-seed", paramLabel = "N", defaultValue = "100",
      description = "First seed of the held-out scenes searched (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/change-relation",
      description = "Folder for the pictures and change-relation.md (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ChangeRelation(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    if (scenes < 1 || steps < 1 || exemplarCount < 1) {
      throw new IllegalArgumentException("--scenes, --steps and --exemplars must be at least 1");
    }
    Path modelDir = drawn.folder();
    Files.createDirectories(out);
    int side = drawn.generation.config().imageSize();
    RelationInversion.Settings settings = RelationInversion.Settings.reversion(steps);
    String placeholder = settings.placeholder();
    Path tokenFile = out.resolve("relation.safetensors");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(learnOn.map(ModelArgument::folder).orElse(modelDir), m);
      LearnedToken token = new RelationInversion(DiffusionParts.of(model), settings).learn(
          RelationExemplars.figureWorld(type, exemplarCount, drawn.generation.scenes().withSize(side, side), 0,
              placeholder), PartOfSpeechSets.figureWorld(model.tokenizer()), (step, l) -> { }, m);
      token.save(tokenFile);
    }
    SceneGenerator world = new SceneGenerator(drawn.generation.scenes().withFigures(2, 2)
        .withSplit(Split.HELD_OUT).withRelationChance(0));
    int changed = 0;
    int control = 0;
    int done = 0;
    List<String> lines = new ArrayList<>();
    try (NDManager m = OfflineEngine.get().newBaseManager();
        Judge judge = FigureWorldJudge.named(drawn.judgeName, m)) {
      for (long seed = firstSeed; done < scenes && seed < firstSeed + 200L * scenes; seed++) {
        Scene scene = world.generate(seed);
        Figure a = scene.figures().get(0).figure();
        Figure b = scene.figures().get(1).figure();
        boolean fits = type != RelationType.HOLDING_HANDS || (a.kind().humanoid() && b.kind().humanoid());
        if (!fits || gap(scene.figures().get(0), scene.figures().get(1)) < side / 10
            || judge.read(scene.picture()).answer(FigureWorldJudge.RELATION).equals(type.words())) {
          continue;
        }
        String withToken = phrase(a) + " " + placeholder + " " + phrase(b);
        Region both = Region.mask(boxAround(scene.figures()));
        EditResult result = edit(scene, both, withToken, placeholder, tokenFile, modelDir);
        EditResult unrelated = edit(scene, both, withToken.replace(placeholder, "and"), placeholder, tokenFile,
            modelDir);
        scene.picture().write(out.resolve(seed + "-bedrock.png"));
        result.picture().write(out.resolve(seed + "-relation.png"));
        unrelated.picture().write(out.resolve(seed + "-and.png"));
        String got = judge.read(result.picture()).answer(FigureWorldJudge.RELATION);
        String gotControl = judge.read(unrelated.picture()).answer(FigureWorldJudge.RELATION);
        changed += got.equals(type.words()) ? 1 : 0;
        control += gotControl.equals(type.words()) ? 1 : 0;
        lines.add(String.format(Locale.ROOT, "| %d | %s | %s | %s |", seed, withToken, got, gotControl));
        done++;
      }
    }
    String md = String.format(Locale.ROOT, "Model: %s; judge: %s; `%s` (%s) learned from %d exemplars in %d steps; "
        + "%d held-out scenes of two figures standing apart, the box around both redrawn (motion branch off, "
        + "strength 1, %d steps).%n%nThe judge reads \"%s\" in %d of %d edits with `%s`, and in %d of %d with "
        + "\"and\" in its place.%n%n| scene | prompt | judged relation | with \"and\" |%n|---:|---|---|---|%n%s%n",
        modelDir, drawn.judgeName, placeholder, type.words(), exemplarCount, steps, done, samplingSteps,
        type.words(), changed, done, placeholder, control, done, String.join("\n", lines));
    AtomicFiles.writeString(out.resolve("change-relation.md"), md);
    System.out.printf(Locale.ROOT, "%s in %d of %d edits with %s, %d of %d with \"and\"; wrote %s%n", type.words(),
        changed, done, placeholder, control, done, out);
  }

  /** The figure's caption phrase, without its pose word unless {@code --pose-words} keeps it. */
  private String phrase(Figure figure) {
    String phrase = Caption.phrase(figure, 1);
    return poseWords ? phrase : phrase.substring(0, phrase.length() - figure.pose().word().length()).trim();
  }

  private EditResult edit(Scene scene, Region both, String prompt, String placeholder, Path tokenFile,
      Path modelDir) {
    return Editor.bedrock(scene.picture()).replace(both).with(Subject.fromEmbedding(placeholder, tokenFile))
        .prompt(prompt).steps(samplingSteps).strength(1.0).seed(1).option("branch.motion", false)
        .model(modelDir).run();
  }

  /** The horizontal gap in pixels between two figures' masks (0 or less where they overlap in x). */
  static int gap(FigureTruth first, FigureTruth second) {
    Box a = first.mask().bounds().orElseThrow();
    Box b = second.mask().bounds().orElseThrow();
    return Math.max(b.x() - (a.x() + a.width()), a.x() - (b.x() + b.width()));
  }

  /** The box around every figure, grown by a twentieth of the picture's width (at least 2 pixels), as a mask. */
  static Mask boxAround(List<FigureTruth> figures) {
    Mask all = RegionMasks.union(figures.stream().map(FigureTruth::mask).toList());
    return FocusMasks.around(all, Math.max(2, all.width() / 20));
  }
}
