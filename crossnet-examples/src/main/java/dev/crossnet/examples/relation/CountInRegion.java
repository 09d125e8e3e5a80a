package dev.crossnet.examples.relation;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.edit.CountScenes;
import dev.crossnet.examples.cli.ModelArgument;
import dev.crossnet.examples.train.ModelGeneration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Changes the count of a figure in a region: takes the first main-subject FigureWorld scene of one figure, from
 * {@code --seed} on, whose figure fits {@code --count} times across the frame, and asks a box a little wider than
 * that many figures (half a figure more, at most the frame less 8 pixels) to hold {@code --count} of it ({@code .with(subject, count)}, the figure as the scene
 * shows it being the subject). Writes {@code bedrock.png} and
 * {@code edited.png}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.CountInRegion [--count 3] [--seed 8000000] [--out /tmp/count-in-region]</pre>
 */
@Command(name = "CountInRegion", sortOptions = false, sortSynopsis = false,
    description = "Asks a region about a FigureWorld figure to hold N of it, drawn side by side.")
public final class CountInRegion implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = DefaultModel.MAIN_SUBJECT_INPAINTING,
      description = "A built-in model drawing main-subject scenes, or a diffusers folder (default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--count", paramLabel = "N", defaultValue = "3",
      description = "How many of the figure the region holds afterwards, 1 to 4 (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "8000000",
      description = "Where the search for a scene starts; also the edit's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps of each column's edit (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/count-in-region",
      description = "Folder for bedrock.png and edited.png (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new CountInRegion(), args));
  }

  @Override
  public Integer call() throws Exception {
    if (count < 1 || count > 4) {
      throw new IllegalArgumentException("--count is " + count + "; give 1 to 4 (FigureWorld scenes fit four)");
    }
    CountScenes.CountScene found = CountScenes.first(CountScenes.oneFigure(ModelGeneration.MAIN_SUBJECT.scenes()),
        seed, count).orElseThrow(() -> new IllegalStateException("no scene from seed " + seed + " to " + (seed + 999)
            + " has a figure narrow enough for " + count + " across the frame; ask for fewer"));
    edit(found.seed(), found.scene(), found.figure(), found.box());
    return CommandLines.OK;
  }

  private void edit(long sceneSeed, Scene scene, FigureTruth figure, Box box) throws Exception {
    Subject it = Subject.of("<it>", scene.picture()).withMasks(figure.mask());
    Region region = Region.box(box.x(), box.y(), box.width(), box.height());
    EditResult result = Editor.bedrock(scene.picture()).replace(region).with(it, count).steps(steps).seed(seed)
        .model(ModelArgument.folder(model)).run();
    Files.createDirectories(out);
    scene.picture().write(out.resolve("bedrock.png"));
    result.picture().write(out.resolve("edited.png"));
    System.out.printf(Locale.ROOT, "scene %d (%s): the box %d,%d,%d,%d asked for %d of its figure in %.1f s; "
        + "wrote %s%n", sceneSeed, scene.caption(), box.x(), box.y(), box.width(), box.height(), count,
        result.totalTime().toMillis() / 1000.0, out);
  }
}
