package dev.crossnet.examples.cli;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.EditOutput;
import dev.crossnet.api.image.ImageFile;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.EditOptionCheck;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.examples.edit.CountScenes;
import dev.crossnet.examples.edit.DemoScenes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossnet edit}: puts a subject in place of a region's occupant. With {@code --bedrock}, {@code --region}
 * or {@code --mask}, and {@code --subject} pictures it edits your files; without them it edits a held-out
 * FigureWorld scene (figure 0 takes the look of figure 1) and also writes the bedrock and the ideal edit beside
 * the result, so the default model can be tried with nothing at hand ({@code --count N} too: a box about the figure
 * of a one-figure scene is asked for N of it). The result is a PNG in the bedrock file's own
 * pixel format, every pixel the edit did not change exactly as the file held it ({@link ImageFile}); the output
 * path is checked before the edit starts. {@code --memory-limit 24g} raises (or lowers) the memory an edit may plan
 * to use (default: 80 %% of physical memory; docs/limits.md).
 */
@Command(name = "edit", sortOptions = false, sortSynopsis = false,
    description = {"Replace a region's occupant with a subject, keeping its place and pose.",
        "Without --bedrock it edits a held-out FigureWorld scene (figure 0 takes the look of figure 1) and also "
            + "writes bedrock.png and the ideal edit ideal.png beside --out; with --count N, a box about the figure "
            + "of a one-figure scene is asked for N of it (bedrock.png beside --out)."})
final class EditCommand implements Callable<Integer> {

  /** Where one occupant is: a box or a mask file. Each --region or --mask starts the next replacement's place. */
  static final class Where {
    @Option(names = "--region", paramLabel = "X,Y,W,H", converter = BoxConverter.class,
        description = "The occupant's box in pixels: x, y, width, height. Repeat it (or --mask) for each occupant "
            + "to replace, in the order of the --subject options.")
    Region box;

    @Option(names = "--mask", paramLabel = "FILE",
        description = "The occupant's mask: a picture, white inside the region.")
    Path mask;
  }

  @Mixin
  HelpOption help;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Option(names = "--bedrock", paramLabel = "FILE",
      description = "The picture to edit; needs --region or --mask and --subject (default: a FigureWorld demo scene).")
  Path bedrock;

  @ArgGroup(exclusive = true, multiplicity = "0..*")
  List<Where> where = new ArrayList<>();

  @Option(names = "--subject", paramLabel = "FILE[,FILE...]", converter = SubjectFiles.Converter.class,
      description = "One or more pictures of the subject, comma-separated (needed with --bedrock). Repeat it for "
          + "each occupant, in the order of the regions.")
  List<SubjectFiles> subjects = new ArrayList<>();

  @Option(names = "--word", paramLabel = "WORD",
      description = "The subject's word in the prompt; repeat it for each subject, in order (default: <subject>; "
          + "with several subjects <subject-1>, <subject-2>, ...).")
  List<String> words = new ArrayList<>();

  @Option(names = "--count", paramLabel = "N",
      description = "How many of the subject the region holds afterwards; repeat it for each region, in order "
          + "(default: 1, the subject in the occupant's place). With N above 1 the region is split into N columns "
          + "of equal width and the subject drawn afresh in each: give a region about N subjects wide.")
  List<Integer> counts = new ArrayList<>();

  @Option(names = "--prompt", paramLabel = "TEXT",
      description = "Text describing the result; each subject's word is appended when missing "
          + "(default: the words alone, joined by 'and').")
  String prompt;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = DefaultModel.MAIN_SUBJECT_INPAINTING,
      description = "A built-in model (figureworld-v2-inpainting, 128x128, which edits best; figureworld-v2, its "
          + "text-to-image UNet; figureworld, 64x64) or a diffusers model folder (default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "out/edit.png",
      description = "Where to write the edited picture (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps of the full schedule (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--strength", paramLabel = "S",
      description = "How far into the noise the edit starts, in (0, 1] (default: the model's own: 1.0 with an "
          + "inpainting UNet, else its feature-loss schedule's, else 0.8).")
  Double strength;

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale; 1 switches guidance off (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
      description = "Random seed; also picks the demo scene (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--inversion-steps", paramLabel = "N", defaultValue = "60",
      description = "Textual inversion steps when the subject is learned, i.e. with --model or "
          + "branch.appearance.source=inversion (default: ${DEFAULT-VALUE}).")
  int inversionSteps;

  @Option(names = "--edit-options", paramLabel = "KEY=VALUE", split = "\\s*,\\s*", splitSynopsisLabel = ",",
      description = "Edit options, comma-separated, e.g. branch.appearance.source=inversion,branch.motion.pose=none;"
          + " branch.<name>=false switches a branch off. Unknown keys are refused with the known ones "
          + "(default: none).")
  Map<String, String> editOptions = new LinkedHashMap<>();

  @Option(names = "--memory-limit", paramLabel = "SIZE",
      description = "The most memory the edit may plan to use, e.g. 24g or 512m (default: 80 %% of physical "
          + "memory; see docs/limits.md).")
  String memoryLimit;

  @Override
  public Integer call() throws IOException {
    if (bedrock != null && subjects.isEmpty()) {
      throw new UsageException("--bedrock needs --subject with one or more pictures of the subject, "
          + "e.g. --subject dog1.png,dog2.png");
    }
    if (bedrock != null && where.isEmpty()) {
      throw new UsageException("--bedrock needs the occupant's region: --region x,y,w,h or --mask file.png");
    }
    if (bedrock == null && (!where.isEmpty() || !subjects.isEmpty())) {
      throw new UsageException("--region, --mask and --subject edit your own picture; give it with --bedrock "
          + "(without all four, the edit runs on a FigureWorld demo scene)");
    }
    List<String> wordList = words(bedrock == null ? 1 : where.size());
    if (bedrock != null) {
      SubjectWords.requirePaired(where.size(), subjects.size(), "--region or --mask",
          "--region 0,0,40,60 --subject dog.png --region 60,0,40,60 --subject cat1.png,cat2.png");
    }
    int regions = bedrock == null ? 1 : where.size();
    if (counts.size() > regions) {
      throw new UsageException(counts.size() + " --count options for " + regions + " region(s); give at most one "
          + "--count per region, in the order of the regions");
    }
    for (int c : counts) {
      if (c < 1 || c > Replacement.MAX_COUNT) {
        throw new UsageException("--count " + c + ": give 1 to " + Replacement.MAX_COUNT + " (1 replaces the "
            + "occupant; N draws N of the subject side by side in the region)");
      }
    }
    // before the demo scene is drawn and written: a misspelt key or an unwritable --out fails at once
    EditOptionCheck.discover().check(PluginConfig.of(editOptions));
    Long limit = bytes(memoryLimit);
    requireWritable(out);
    PrintWriter console = spec.commandLine().getOut();
    ImageFile bedrockImage = bedrock == null ? null : ImageFile.read(bedrock);
    Job job = bedrockImage != null ? files(bedrockImage.picture(), wordList)
        : count(0) > 1 ? countDemo(wordList.get(0), console) : demo(wordList.get(0), console);
    Path modelFolder = model == null ? null : ModelArgument.folder(model);
    ReadyEdit edit = Editor.bedrock(job.bedrock()).replace(job.regions().get(0))
        .with(job.subjects().get(0), count(0));
    for (int i = 1; i < job.regions().size(); i++) {
      edit = edit.replace(job.regions().get(i)).with(job.subjects().get(i), count(i));
    }
    edit = edit.prompt(prompt == null ? String.join(" and ", wordList) : prompt).steps(steps)
        .guidanceScale(guidance).seed(seed)
        .option("branch.appearance.steps", inversionSteps).options(editOptions)
        .progress(new ProgressBar(System.err));
    if (modelFolder != null) {
      edit = edit.model(modelFolder);
    }
    if (strength != null) {
      edit = edit.strength(strength);
    }
    if (limit != null) {
      edit = edit.memoryLimit(limit);
    }
    EditResult result = edit.run();
    Files.createDirectories(out.toAbsolutePath().getParent());
    if (bedrockImage != null) {
      bedrockImage.writeEdit(result.picture(), out);
    } else {
      result.picture().write(out);
    }
    // each phase's time is logged at INFO (--verbose)
    console.printf("wrote %s (seed %d) in %.1f s%n", out, result.seed(), result.totalTime().toMillis() / 1000.0);
    return CommandLines.OK;
  }

  /** The count asked for region {@code i}: its {@code --count}, else 1. */
  private int count(int i) {
    return i < counts.size() ? counts.get(i) : 1;
  }

  /** What one edit replaces: the bedrock, and each region with its subject, in order. */
  private record Job(Picture bedrock, List<Region> regions, List<Subject> subjects) {}

  /** A held-out FigureWorld scene whose figure 0 takes figure 1's look; writes its bedrock and ideal edit. */
  private Job demo(String word, PrintWriter console) throws IOException {
    // the demo scene is drawn in the world the chosen built-in model was trained on
    Scene scene = drawsMainSubjectScenes() ? DemoScenes.mainSubjectFrom(seed) : DemoScenes.from(seed);
    IdealEdit ideal = scene.idealEditLike(0, 1);
    FigureTruth donor = scene.figures().get(1);
    Path dir = out.toAbsolutePath().getParent();
    scene.picture().write(dir.resolve("bedrock.png"));
    ideal.edited().picture().write(dir.resolve("ideal.png"));
    console.println("demo scene: " + scene.caption() + "; figure 0 takes the look of figure 1");
    return new Job(scene.picture(), List.of(Region.mask(ideal.region())),
        List.of(Subject.of(word, scene.picture()).withMasks(donor.mask())));
  }

  /** A FigureWorld scene of one figure whose box is asked for {@code --count} of it; writes its bedrock. */
  private Job countDemo(String word, PrintWriter console) throws IOException {
    int n = count(0);
    SceneOptions options = drawsMainSubjectScenes() ? SceneOptions.mainSubject() : SceneOptions.defaults();
    CountScenes.CountScene found = CountScenes.first(CountScenes.oneFigure(options), seed, n)
        .orElseThrow(() -> new UsageException("no demo scene from seed " + seed + " has a figure narrow enough for "
            + n + " of it across the frame; ask for fewer with --count, or give your own --bedrock"));
    Picture picture = found.scene().picture();
    picture.write(out.toAbsolutePath().getParent().resolve("bedrock.png"));
    Region box = Region.box(found.box().x(), found.box().y(), found.box().width(), found.box().height());
    console.println("demo scene: " + found.scene().caption() + "; the box " + found.box().x() + "," + found.box().y()
        + "," + found.box().width() + "," + found.box().height() + " asked for " + n + " of its figure");
    return new Job(picture, List.of(box), List.of(Subject.of(word, picture).withMasks(found.figure().mask())));
  }

  /** Whether the demo scene is drawn in the main-subject world, the one the chosen built-in model was trained on. */
  private boolean drawsMainSubjectScenes() {
    return model != null && DefaultModel.drawsMainSubjectScenes(model.toString()) && !Files.exists(model);
  }

  /** The user's regions and subjects, paired in order. */
  private Job files(Picture picture, List<String> wordList) throws IOException {
    List<Region> regions = new ArrayList<>();
    List<Subject> who = new ArrayList<>();
    for (int i = 0; i < where.size(); i++) {
      Where w = where.get(i);
      regions.add(w.box != null ? w.box : Region.mask(Mask.fromPicture(Picture.read(w.mask))));
      who.add(subjects.get(i).read(wordList.get(i)));
    }
    return new Job(picture, regions, who);
  }

  /** The subjects' words (see {@link SubjectWords#of}). */
  List<String> words(int count) {
    return SubjectWords.of(words, count);
  }

  /** A size such as {@code 24g}, {@code 512m} or a number of bytes; null when not given. */
  static Long bytes(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = Pattern.compile("(\\d+)([kmgt]?)i?b?").matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UsageException("--memory-limit takes a size such as 24g, 512m or a number of bytes; got '" + text
          + "'");
    }
    int shift = switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    return Long.parseLong(m.group(1)) << shift;
  }

  /** Fails in milliseconds, before any model work, when the result could not be written. */
  private static void requireWritable(Path out) throws IOException {
    try {
      EditOutput.requireWritable(out);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--out: " + e.getMessage());
    }
  }
}
