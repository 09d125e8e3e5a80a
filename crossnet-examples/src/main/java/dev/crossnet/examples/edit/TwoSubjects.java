package dev.crossnet.examples.edit;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Two subjects at once: in a FigureWorld scene, figures 0 and 1 swap looks, each subject with its own word,
 * region and cross-attention branch. Writes {@code bedrock.png}, {@code regions.png} and {@code edited.png}. On
 * the embedded default model the image encoder reads both subjects; with {@code --model} they are learned by
 * textual inversion ({@code --inversion-steps}).
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.edit.TwoSubjects --model DIR [--out /tmp/two-subjects] [--size 32] [--steps 20]
 *   [--inversion-steps 100] [--seed 5]
 * </pre>
 */
@Command(name = "TwoSubjects", sortOptions = false, sortSynopsis = false,
    description = "Two subjects at once: figures 0 and 1 of a FigureWorld scene swap looks, each with its own word "
        + "and region.")
public final class TwoSubjects implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A diffusers model folder (default: the embedded default model).")
  Optional<Path> model = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/two-subjects",
      description = "Folder for the pictures (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "32",
      description = "Scene width and height in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "20",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--inversion-steps", paramLabel = "N", defaultValue = "100",
      description = "Textual inversion steps when the subjects are learned (with --model) (default: ${DEFAULT-VALUE}).")
  int inversionSteps;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "5",
      description = "Random seed; also where the search for a scene starts (default: ${DEFAULT-VALUE}).")
  long seed;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new TwoSubjects(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    SceneGenerator world = new SceneGenerator(SceneOptions.defaults().withSize(size, size).withFigures(2, 3));
    SceneCase first = null;
    SceneCase second = null;
    for (long s = seed; second == null; s++) {
      Scene scene = world.generate(s);
      Optional<SceneCase> a = SceneCase.of(scene, 0, 1, "<first>");
      Optional<SceneCase> b = SceneCase.of(scene, 1, 0, "<second>");
      if (a.isPresent() && b.isPresent() && Masks.disjoint(a.get().region(), b.get().region())) {
        first = a.get();
        second = b.get();
      }
    }
    var edit = Editor.bedrock(first.scene().picture())
        .replace(Region.mask(first.region())).with(first.subject())
        .replace(Region.mask(second.region())).with(second.subject())
        .prompt("<first> and <second>")
        .steps(steps)
        .strength(0.8)
        .seed(seed)
        .option("branch.appearance.steps", inversionSteps)
        .progress(p -> System.out.printf("%s %d/%d%n", p.phase(), p.done(), p.total()));
    if (model.isPresent()) {
      edit = edit.model(model.get());
    }
    EditResult result = edit.run();
    first.scene().picture().write(out.resolve("bedrock.png"));
    Masks.picture(RegionMasks.union(java.util.List.of(first.region(), second.region())))
        .write(out.resolve("regions.png"));
    result.picture().write(out.resolve("edited.png"));
    System.out.println("seed " + result.seed() + ", " + result.timings());
    System.out.println("written to " + out);
  }
}
