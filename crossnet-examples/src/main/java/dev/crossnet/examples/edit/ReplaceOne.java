package dev.crossnet.examples.edit;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
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
 * Replaces one occupant: in a FigureWorld scene, figure 0 takes the look of figure 1 (learned from the scene by
 * textual inversion), keeping its place and pose. Writes {@code bedrock.png}, {@code region.png},
 * {@code ideal.png}, {@code edited.png} and the learned {@code subject.safetensors}.
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.edit.ReplaceOne --model DIR [--out /tmp/replace-one] [--size 32] [--steps 20]
 *   [--inversion-steps 100] [--seed 3]
 * </pre>
 */
@Command(name = "ReplaceOne", sortOptions = false, sortSynopsis = false,
    description = "Replaces one occupant of a FigureWorld scene: figure 0 takes the look of figure 1, learned by "
        + "textual inversion.")
public final class ReplaceOne implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A diffusers model folder (default: the embedded default model).")
  Optional<Path> model = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/replace-one",
      description = "Folder for the pictures and the learned embedding (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "32",
      description = "Scene width and height in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "20",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--inversion-steps", paramLabel = "N", defaultValue = "100",
      description = "Textual inversion steps (default: ${DEFAULT-VALUE}).")
  int inversionSteps;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "3",
      description = "Random seed; also where the search for a scene starts (default: ${DEFAULT-VALUE}).")
  long seed;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ReplaceOne(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    SceneGenerator world = new SceneGenerator(SceneOptions.defaults().withSize(size, size).withFigures(2, 3));
    SceneCase c = null;
    for (long s = seed; c == null; s++) {
      Optional<SceneCase> found = SceneCase.of(world.generate(s), 0, 1, "<subject>");
      c = found.orElse(null);
    }
    Scene scene = c.scene();
    var edit = Editor.bedrock(scene.picture())
        .replace(Region.mask(c.region()))
        .with(c.subject())
        .prompt("<subject>")
        .steps(steps)
        .strength(0.8)
        .seed(seed)
        .option("branch.appearance.source", "inversion") // learn the subject, even on the default model
        .option("branch.appearance.steps", inversionSteps)
        .option("branch.appearance.save-to", out.toString())
        .progress(p -> System.out.printf("%s %d/%d%n", p.phase(), p.done(), p.total()));
    if (model.isPresent()) {
      edit = edit.model(model.get());
    }
    EditResult result = edit.run();
    scene.picture().write(out.resolve("bedrock.png"));
    c.ideal().write(out.resolve("ideal.png"));
    Masks.picture(c.region()).write(out.resolve("region.png"));
    result.picture().write(out.resolve("edited.png"));
    System.out.println("seed " + result.seed() + ", " + result.timings());
    result.record().forEach((k, v) -> System.out.println("  " + k + " = " + v));
    System.out.println("written to " + out);
  }
}
