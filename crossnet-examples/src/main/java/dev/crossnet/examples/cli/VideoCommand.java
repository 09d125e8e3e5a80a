package dev.crossnet.examples.cli;

import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyVideoEdit;
import dev.crossnet.api.edit.VideoEditResult;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.UnknownOptionException;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import dev.crossnet.core.edit.EditOptionCheck;
import dev.crossnet.core.edit.video.VideoOptions;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.examples.video.ClipCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossnet video}: puts a subject in place of a region's occupant in every frame of a clip (MP4, animated GIF
 * or a folder of PNG frames), the subject doing what the occupant does; each track ({@code --region},
 * {@code --keyframes} or {@code --masks}) takes the {@code --subject} given after it, so several occupants are
 * replaced at once. Without {@code --bedrock} it edits a held-out FigureWorld clip (figure 0, which moves, takes the
 * look of figure 1) and also writes the bedrock clip, the ideal edited clip, and the three side by side as one video,
 * beside the result.
 */
@Command(name = "video", sortOptions = false, sortSynopsis = false,
    description = {"Replace a region's occupant with a subject in every frame of a clip, keeping its moves.",
        "Without --bedrock it edits a held-out FigureWorld clip (figure 0 takes the look of figure 1) and also "
            + "writes bedrock, ideal edit and the three side by side beside --out."})
final class VideoCommand implements Callable<Integer> {

  /**
   * Where one occupant is: one box, boxes at keyframes, or a mask per frame. Each --region, --keyframes or --masks
   * starts the next replacement's track.
   */
  static final class Where {
    @Option(names = "--region", paramLabel = "X,Y,W,H", converter = BoxConverter.class,
        description = "The occupant's box in every frame, in pixels: x, y, width, height. Repeat it (or "
            + "--keyframes or --masks) for each occupant to replace, in the order of the --subject options.")
    Region box;

    @Option(names = "--keyframes", paramLabel = "F:X,Y,W,H;...",
        description = "The occupant's box at keyframes, interpolated in between, e.g. 0:10,20,30,60;15:50,20,30,60.")
    String keyframes;

    @Option(names = "--masks", paramLabel = "FRAMES",
        description = "The occupant's mask in each frame, white inside the region: a folder of PNG masks (one per "
            + "frame, in name order) or a .gif or .mp4 clip of them, as long as the bedrock clip.")
    Path masks;
  }

  @Mixin
  HelpOption help;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Option(names = "--bedrock", paramLabel = "FILE",
      description = "The clip to edit: .mp4, .gif or a folder of PNG frames; needs --region or --keyframes and "
          + "--subject (default: a FigureWorld demo clip).")
  Path bedrock;

  @ArgGroup(exclusive = true, multiplicity = "0..*")
  List<Where> where = new ArrayList<>();

  @Option(names = "--subject", paramLabel = "FILE[,FILE...]", converter = SubjectFiles.Converter.class,
      description = "One or more pictures of the subject, comma-separated (needed with --bedrock). Repeat it for "
          + "each occupant, in the order of the tracks.")
  List<SubjectFiles> subjects = new ArrayList<>();

  @Option(names = "--word", paramLabel = "WORD",
      description = "The subject's word in the prompt; repeat it for each subject, in order (default: <subject>; "
          + "with several subjects <subject-1>, <subject-2>, ...).")
  List<String> words = new ArrayList<>();

  @Option(names = "--prompt", paramLabel = "TEXT",
      description = "Text describing the result; each subject's word is appended when missing "
          + "(default: the words alone, joined by 'and').")
  String prompt;

  @Option(names = "--model", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
  Path model;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "out/video.gif",
      description = "Where to write the edited clip: .gif, .mp4, or a folder for PNG frames "
          + "(default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "8",
      description = "Frames of the demo clip (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps of the full schedule (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--strength", paramLabel = "S",
      description = "How far into the noise each frame's edit starts, in (0, 1] (default: 1.0 on a model with an "
          + "inpainting UNet, else 0.8).")
  Double strength;

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale; 1 switches guidance off (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
      description = "Random seed; also picks the demo clip (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--edit-options", paramLabel = "KEY=VALUE", split = "\\s*,\\s*", splitSynopsisLabel = ",",
      description = "Edit options, comma-separated: video.cross-frame=false, video.noise=independent, or any "
          + "branch option of the edit command (default: none).")
  Map<String, String> editOptions = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    where.stream().filter(w -> w.keyframes != null).forEach(w -> keyframes(w.keyframes));
    if (bedrock != null && (where.isEmpty() || subjects.isEmpty())) {
      throw new UsageException("--bedrock needs the occupant's region (--region x,y,w,h, --keyframes "
          + "f:x,y,w,h;... or --masks folder) and --subject with one or more pictures of the subject");
    }
    if (bedrock == null && (!where.isEmpty() || !subjects.isEmpty())) {
      throw new UsageException("--region, --keyframes, --masks and --subject edit your own clip; give it with "
          + "--bedrock (without them, the edit runs on a FigureWorld demo clip)");
    }
    List<String> wordList = SubjectWords.of(words, bedrock == null ? 1 : where.size());
    if (bedrock != null) {
      SubjectWords.requirePaired(where.size(), subjects.size(), "--region, --keyframes or --masks",
          "--region 0,0,40,60 --subject dog.png --keyframes '0:60,0,40,60;7:80,0,40,60' --subject cat.png");
    }
    if (frames < 2) {
      throw new UsageException("--frames must be at least 2, got " + frames);
    }
    // a misspelt key fails at once, before the demo clip is drawn
    PluginConfig options = PluginConfig.of(editOptions);
    VideoOptions video;
    try {
      video = VideoOptions.of(options);
    } catch (UnknownOptionException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException("--edit-options: " + e.getMessage());
    }
    EditOptionCheck.discover().check(video.frameOptions(options));
    PrintWriter console = spec.commandLine().getOut();
    Video clip;
    List<RegionTrack> tracks;
    List<Subject> who = new ArrayList<>();
    ClipCase demo = null;
    if (bedrock == null) {
      boolean v2 = model != null && DefaultModel.drawsMainSubjectScenes(model.toString()) && !Files.exists(model);
      demo = ClipCase.find(v2 ? SceneOptions.mainSubject() : SceneOptions.defaults(), frames, seed, wordList.get(0));
      clip = demo.bedrock();
      tracks = List.of(demo.track());
      who.add(demo.subject());
      console.println("demo clip: " + demo.caption() + "; figure 0 takes the look of figure 1 in every frame");
    } else {
      clip = Video.read(bedrock);
      tracks = tracks();
      for (int i = 0; i < subjects.size(); i++) {
        who.add(subjects.get(i).read(wordList.get(i)));
      }
    }
    ReadyVideoEdit edit = Editor.bedrock(clip).replace(tracks.get(0)).with(who.get(0));
    for (int i = 1; i < tracks.size(); i++) {
      edit = edit.replace(tracks.get(i)).with(who.get(i));
    }
    Path modelFolder = model == null ? null : ModelArgument.folder(model);
    edit = edit.prompt(prompt == null ? String.join(" and ", wordList) : prompt).steps(steps)
        .guidanceScale(guidance).seed(seed)
        .options(editOptions).progress(new ProgressBar(System.err));
    if (modelFolder != null) {
      edit = edit.model(modelFolder);
    }
    if (strength != null) {
      edit = edit.strength(strength);
    }
    VideoEditResult result = edit.run();
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    result.video().write(out);
    console.printf("wrote %s (%d frames, seed %d) in %.1f s%n", out, result.video().frameCount(), result.seed(),
        result.totalTime().toMillis() / 1000.0);
    if (demo != null) {
      String ext = extension(out);
      demo.bedrock().write(parent.resolve("bedrock" + ext));
      demo.ideal().write(parent.resolve("ideal" + ext));
      Path sideBySide = parent.resolve("side-by-side" + ext);
      Video.sideBySide(demo.bedrock(), result.video(), demo.ideal()).write(sideBySide);
      console.println("bedrock | result | ideal: " + sideBySide);
    }
    return CommandLines.OK;
  }

  /** Each --region, --keyframes or --masks as a region track, in order; empty when none is given. */
  List<RegionTrack> tracks() throws IOException {
    List<RegionTrack> out = new ArrayList<>();
    for (Where w : where) {
      if (w.box != null) {
        out.add(RegionTrack.of(w.box));
        continue;
      }
      if (w.masks != null) {
        out.add(RegionTrack.perFrame(Video.read(w.masks).frames().stream()
            .map(frame -> Region.mask(Mask.fromPicture(frame))).toList()));
        continue;
      }
      out.add(RegionTrack.keyframes(keyframes(w.keyframes)));
    }
    return out;
  }

  /** The boxes of one --keyframes value; a malformed one is a usage error showing the form. */
  private static Map<Integer, Box> keyframes(String text) {
    try {
      return new KeyframeConverter().convert(text);
    } catch (picocli.CommandLine.TypeConversionException e) {
      throw new UsageException("--keyframes: " + e.getMessage());
    }
  }

  /** The output's extension with its dot, or "" for a frame folder. */
  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }
}
