package dev.crossnet.examples.video;

import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.VideoEditResult;
import dev.crossnet.api.video.Video;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The video API in one program: a held-out FigureWorld clip whose figure 0 moves; in every frame it takes the look of
 * figure 1, doing the same moves. Writes {@code bedrock.gif}, {@code result.gif}, {@code ideal.gif},
 * {@code result.mp4} and {@code strip.png} (rows: bedrock, result, ideal; one frame per column).
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.video.ReplaceInClip [--model figureworld-v2-inpainting] [--out /tmp/replace-in-clip]
 *   [--frames 8]
 *   [--steps 30] [--seed 7]
 * </pre>
 */
@Command(name = "ReplaceInClip", sortOptions = false, sortSynopsis = false,
    description = "Replaces a moving occupant in every frame of a FigureWorld clip.")
public final class ReplaceInClip implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
  Path model;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/replace-in-clip",
      description = "Folder for the clips and the strip (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "8",
      description = "Frames of the clip (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
      description = "Random seed; also where the search for a clip starts (default: ${DEFAULT-VALUE}).")
  long seed;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ReplaceInClip(), args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(out);
    boolean v2 = model != null && DefaultModel.drawsMainSubjectScenes(model.toString()) && !Files.exists(model);
    Path folder = model == null ? null : ModelArgument.folder(model);
    ClipCase clip = ClipCase.find(v2 ? SceneOptions.mainSubject() : SceneOptions.defaults(), frames, seed,
        "<subject>");

    // the whole edit: a clip, where the occupant is in each frame, and who takes its place
    var edit = Editor.bedrock(clip.bedrock())
        .replace(clip.track())
        .with(clip.subject())
        .steps(steps).seed(seed);
    if (folder != null) {
      edit = edit.model(folder);
    }
    VideoEditResult result = edit.run();

    clip.bedrock().write(out.resolve("bedrock.gif"));
    result.video().write(out.resolve("result.gif"));
    result.video().write(out.resolve("result.mp4"));
    clip.ideal().write(out.resolve("ideal.gif"));
    VideoBenchmark.strip(List.of(clip.bedrock(), result.video(), clip.ideal())).write(out.resolve("strip.png"));
    System.out.printf("%s: %d frames in %.1f s; wrote %s%n", clip.caption(), result.video().frameCount(),
        result.totalTime().toMillis() / 1000.0, out);
    return CommandLines.OK;
  }
}
