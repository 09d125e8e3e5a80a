package dev.crossnet.examples.cli;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.image.EditOutput;
import dev.crossnet.api.image.ImageFile;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code crossnet edit}: puts a subject in place of a region's occupant. With {@code --bedrock}, {@code --region}
 * (x,y,w,h) or {@code --mask}, and {@code --subject} pictures it edits your files; without them it edits a
 * held-out FigureWorld scene (figure 0 takes the look of figure 1) and also writes the bedrock and the ideal edit
 * beside the result, so the default model can be tried with nothing at hand. The result is a PNG in the bedrock
 * file's own pixel format, every pixel the edit did not change exactly as the file held it ({@link ImageFile}); the
 * output path is checked before the edit starts. {@code --memory-limit 24g} raises (or lowers) the memory an edit
 * may plan to use (default: 80 % of physical memory; docs/limits.md). The prompt defaults to the subject's
 * word alone (what the API uses without one); {@code --edit-options k=v,...} passes edit options such as
 * {@code branch.appearance.source=inversion} or {@code branch.motion.pose=none}. On the embedded default model
 * the image encoder reads the subject (no training); {@code --inversion-steps} counts when the subject is learned
 * (with {@code --model}, or {@code branch.appearance.source=inversion}).
 */
final class EditCommand implements Command {

  @Override
  public String name() {
    return "edit";
  }

  @Override
  public String summary() {
    return "replace a region's occupant with a subject (--bedrock, --region x,y,w,h | --mask, --subject a.png,b.png;"
        + " without them: a FigureWorld demo scene)";
  }

  @Override
  public int run(Options options) throws Exception {
    Path bedrockFile = options.path("bedrock", null);
    String box = options.string("region", null);
    Path maskFile = options.path("mask", null);
    String subjects = options.string("subject", null);
    String word = options.string("word", "<subject>");
    String prompt = options.string("prompt", word);
    Path model = options.path("model", null);
    Path out = options.path("out", "out/edit.png");
    int steps = options.integer("steps", 30);
    double strength = options.number("strength", 0.8);
    double guidance = options.number("guidance", 5.0);
    long seed = options.longValue("seed", 7);
    int inversionSteps = options.integer("inversion-steps", 60);
    Map<String, String> editOptions = options.pairs("edit-options");
    Long memoryLimit = bytes(options.string("memory-limit", null));
    options.rejectUnknown();
    requireWritable(out);

    Picture bedrock;
    ImageFile bedrockImage = null;
    Region region;
    Subject subject;
    if (bedrockFile == null) {
      Scene scene = demoScene(seed);
      IdealEdit ideal = scene.idealEditLike(0, 1);
      FigureTruth donor = scene.figures().get(1);
      bedrock = scene.picture();
      region = Region.mask(ideal.region());
      subject = Subject.of(word, scene.picture()).withMasks(donor.mask());
      Path dir = out.toAbsolutePath().getParent();
      bedrock.write(dir.resolve("bedrock.png"));
      ideal.edited().picture().write(dir.resolve("ideal.png"));
      System.out.println("demo scene: " + scene.caption() + "; figure 0 takes the look of figure 1");
    } else {
      bedrockImage = ImageFile.read(bedrockFile);
      bedrock = bedrockImage.picture();
      region = region(box, maskFile);
      if (subjects == null) {
        throw new UsageException("--bedrock needs --subject with one or more pictures of the subject, "
            + "e.g. --subject dog1.png,dog2.png");
      }
      List<Picture> pictures = new ArrayList<>();
      for (String file : subjects.split(",")) {
        pictures.add(Picture.read(Path.of(file.trim())));
      }
      subject = Subject.of(word, pictures);
    }
    ReadyEdit edit = Editor.bedrock(bedrock).replace(region).with(subject)
        .prompt(prompt).steps(steps).strength(strength).guidanceScale(guidance).seed(seed)
        .option("branch.appearance.steps", inversionSteps).options(editOptions)
        .progress(new ProgressBar(System.err));
    if (model != null) {
      edit = edit.model(model);
    }
    if (memoryLimit != null) {
      edit = edit.memoryLimit(memoryLimit);
    }
    EditResult result = edit.run();
    if (bedrockImage != null) {
      bedrockImage.writeEdit(result.picture(), out);
    } else {
      result.picture().write(out);
    }
    System.out.printf("wrote %s (seed %d) in %.1f s: %s%n", out, result.seed(),
        result.totalTime().toMillis() / 1000.0, result.timings());
    return 0;
  }

  /** A size such as {@code 24g}, {@code 512m} or a number of bytes; null when not given. */
  static Long bytes(String text) {
    if (text == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([kmgt]?)i?b?").matcher(
        text.trim().toLowerCase(java.util.Locale.ROOT));
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
  private static void requireWritable(Path out) throws java.io.IOException {
    try {
      EditOutput.requireWritable(out);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--out: " + e.getMessage());
    }
  }

  private static Scene demoScene(long seed) {
    SceneGenerator world = new SceneGenerator(SceneOptions.defaults().withSplit(Split.HELD_OUT).withFigures(2, 2));
    for (long s = seed; ; s++) {
      Scene scene = world.generate(s);
      double coverage = scene.idealEditLike(0, 1).region().coverage();
      if (coverage > 0 && coverage < 1 && scene.figures().get(1).visiblePixels() > 0) {
        return scene;
      }
    }
  }

  private static Region region(String box, Path maskFile) throws java.io.IOException {
    if (box != null && maskFile != null) {
      throw new UsageException("give the region once: --region x,y,w,h or --mask file.png, not both");
    }
    if (maskFile != null) {
      return Region.mask(Mask.fromPicture(Picture.read(maskFile)));
    }
    if (box == null) {
      throw new UsageException("--bedrock needs the occupant's region: --region x,y,w,h or --mask file.png");
    }
    String[] parts = box.split(",");
    if (parts.length != 4) {
      throw new UsageException("--region takes x,y,width,height, e.g. --region 10,20,30,40; got '" + box + "'");
    }
    int[] v = new int[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UsageException("--region takes whole numbers x,y,width,height; got '" + box + "'");
      }
    }
    return Region.box(v[0], v[1], v[2], v[3]);
  }
}
