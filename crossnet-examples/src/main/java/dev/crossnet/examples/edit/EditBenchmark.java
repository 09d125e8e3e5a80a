package dev.crossnet.examples.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.runtime.Runtimes;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.EditOptionCheck;
import dev.crossnet.core.edit.branch.AppearanceBranch;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.examples.cli.Choices;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.train.ModelGeneration;
import dev.crossnet.examples.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Compares editing methods on held-out FigureWorld scenes (figure 0 takes the look of figure 1): SDEdit and
 * RePaint with a text prompt, CrossNet with each branch removed in turn, full CrossNet (every default: on the
 * default model the subject's look comes from the image encoder), full CrossNet with the subject learned by
 * textual inversion, and two controls: the region painted grey (what the judge columns give for a region that
 * shows nothing) and the ideal edit itself put through the model (the ceiling its VAE sets). Reports PSNR outside
 * the region against the bedrock, PSNR and SSIM inside it against the ideal edit, the judge's agreement with the
 * ideal edit on the subject's look and the occupant's pose, time and peak memory per edit and of the subject's
 * inversion; writes {@code edit-benchmark.md}, every case's judged agreement ({@code cases.csv}) and every picture to
 * the output folder.
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.edit.EditBenchmark --model DIR [--out /tmp/edit-benchmark] [--scenes 4] [--size 32]
 *   [--steps 10] [--strength 0.8] [--inversion-steps 50] [--sampler ddim] [--guidance 5] [--seed 1] [--edit-seed N]
 *   [--subject-prompt "{}"] [--negative-prompt "{occupant}"] [--baseline-prompt phrase|caption] [--only NAME,...]
 *   [--edit-options branch.motion.ilvr-until=0.2,...] [--reuse-subjects true] [--inversion-template "a {} {pose}"]
 *   [--subject-pictures 1]
 * </pre>
 *
 * <p>The CrossNet rows prompt with {@code --subject-prompt} ({@code {}}, the subject's word alone, which is what
 * an edit without a prompt uses); {@code {pose}} in it stands for the occupant's pose word, for measuring edits
 * whose user names the pose to keep. {@code --negative-prompt} sets the CrossNet rows' negative prompt, where
 * {@code {occupant}} stands for the occupant's kind noun (nothing when the subject is of the same kind) and
 * {@code {absent}} for "hat" where the subject wears none; {@code {others}} in {@code --subject-prompt} stands for
 * the scene's other figures and background in words, {@code {background}} for its background alone;
 * {@code --baseline-prompt caption} tells the text baselines
 * the ideal edit's whole caption instead of its figure's phrase;
 * {@code --inversion-template} sets the inversion's template, where {@code {pose}} stands for the donor's pose
 * word. The text-prompted baselines are told the ideal result in words: the subject's look in the occupant's
 * pose. {@code --only} keeps the methods whose name contains one of the given texts
 * (the control row always runs); {@code --edit-options} adds edit options to every CrossNet row, for sweeps;
 * {@code --reuse-subjects true} reuses the tokens a previous run saved in the same output folder (same model and
 * inversion steps assumed) instead of learning them again. {@code --subject-pictures N} gives the subject N
 * pictures: the donor in the scene, then the donor's kind and look in place of a figure of further held-out scenes,
 * in that figure's pose (as a user would give several photos of one dog).
 */
@Command(name = "EditBenchmark", sortOptions = false, sortSynopsis = false,
    description = "Compares editing methods (SDEdit, RePaint, CrossNet with each branch removed, full CrossNet) on "
        + "held-out FigureWorld scenes.")
public final class EditBenchmark implements Callable<Integer> {

  static final String WORD = "<subject>";
  /** Stands, in {@code --subject-prompt}, for the occupant's pose word (the pose the ideal result keeps). */
  static final String POSE = "{pose}";
  /** Stands, in {@code --negative-prompt}, for the occupant's kind noun (the kind the region held). */
  static final String OCCUPANT = "{occupant}";
  /** Stands, in {@code --negative-prompt}, for "hat" where the subject wears none (else nothing). */
  static final String ABSENT = "{absent}";
  /** Stands, in {@code --subject-prompt}, for the scene's other figures and background in words. */
  static final String OTHERS = "{others}";
  /** Stands, in {@code --subject-prompt}, for the scene's background in words, e.g. "on a beach". */
  static final String BACKGROUND = "{background}";
  static final String CONTROL = "control: region painted grey";
  /** The ideal edit through the model's VAE and one denoising step: what a perfect latent-space edit reads. */
  static final String CEILING = "control: ideal edit through the model";
  static final String VAE_CEILING = "control: ideal edit through the VAE alone";
  /** Full CrossNet as an application gets it: every default (on the default model, the image encoder). */
  static final String FULL = "CrossNet (full)";
  /** Full CrossNet with the subject learned by textual inversion (the tokens saved, then loaded). */
  static final String FULL_LEARNED = "CrossNet (full, learned subject)";
  private static final int GREY = 0x808080;

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A diffusers model folder (default: the embedded default model).")
  Optional<Path> model = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/edit-benchmark",
      description = "Folder for edit-benchmark.md and every picture (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "4",
      description = "Held-out scenes edited (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "32",
      description = "Scene width and height in pixels, standard world only (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Scenes of standard FigureWorld (at --size) or main-subject FigureWorld (128x128, figures "
          + "drawn large) (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "bundled",
      description = "The judge: bundled, or a judge folder such as models/default-v2/judge "
          + "(default: ${DEFAULT-VALUE}).")
  String judgeName;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "10",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--strength", paramLabel = "S", defaultValue = "0.8",
      description = "Strength of the CrossNet and RePaint rows (default: ${DEFAULT-VALUE}).")
  double strength;

  @Option(names = "--sdedit-strength", paramLabel = "S", defaultValue = "0.6",
      description = "Strength of the SDEdit row (default: ${DEFAULT-VALUE}).")
  double sdeditStrength;

  @Option(names = "--inversion-steps", paramLabel = "N", defaultValue = "50",
      description = "Textual inversion steps of learned subjects (default: ${DEFAULT-VALUE}).")
  int inversionSteps;

  @Option(names = "--sampler", paramLabel = "NAME", defaultValue = "ddim",
      description = "The CrossNet rows' sampler plugin, e.g. ddim, dpmpp-2m, euler (default: ${DEFAULT-VALUE}).")
  String sampler;

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the first scene (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--edit-seed", paramLabel = "N",
      description = "Seed of every edit's noise (default: --seed), so the same scenes can be edited with other noise.")
  Optional<Long> editSeed = Optional.empty();

  @Option(names = "--only", paramLabel = "NAME", split = ",",
      description = "Keep the methods whose name contains one of these texts, comma-separated; the control always "
          + "runs (default: all).")
  List<String> only = new ArrayList<>();

  @Option(names = "--edit-options", paramLabel = "KEY=VALUE", split = "\\s*,\\s*", splitSynopsisLabel = ",",
      description = "Edit options added to every CrossNet row, comma-separated (default: none).")
  Map<String, String> editOptions = new LinkedHashMap<>();

  @Option(names = "--subject-prompt", paramLabel = "TEXT", defaultValue = "{}",
      description = "The CrossNet rows' prompt; {} is the subject's word, {pose} the occupant's pose, {others} the "
          + "rest of the scene, {background} its background (default: ${DEFAULT-VALUE}).")
  String subjectPrompt;

  @Option(names = "--negative-prompt", paramLabel = "TEXT", defaultValue = "",
      description = "The CrossNet rows' negative prompt; {occupant} is the occupant's kind, {absent} \"hat\" where "
          + "the subject wears none (default: none).")
  String negativePrompt;

  @Option(names = "--baseline-prompt", paramLabel = "WHAT", defaultValue = "phrase",
      description = "What the text baselines are told: phrase (the figure's) or caption (the whole ideal caption) "
          + "(default: ${DEFAULT-VALUE}).")
  String baselinePrompt;

  @Option(names = "--inversion-template", paramLabel = "TEXT",
      description = "The inversion's template; {pose} is the donor's pose word (default: the branch's).")
  Optional<String> inversionTemplate = Optional.empty();

  @Option(names = "--subject-pictures", paramLabel = "N", defaultValue = "1",
      description = "Pictures of the subject: the donor, then its look on figures of further scenes (default: "
          + "${DEFAULT-VALUE}).")
  int subjectPictures;

  @Option(names = "--reuse-subjects", paramLabel = "true|false", defaultValue = "false", arity = "1",
      description = "Reuse the tokens a previous run saved in --out instead of learning them again (default: "
          + "${DEFAULT-VALUE}).")
  boolean reuseSubjects;

  /**
   * One method: a name, whether it prompts with the scene's text (else with the subject's word), whether it reads
   * the subject's pictures (else the tokens learned by inversion), and how it configures the shared edit.
   */
  record Method(String name, boolean textPrompt, boolean subjectPictures, UnaryOperator<ReadyEdit> configure) {

    Method(String name, boolean textPrompt, UnaryOperator<ReadyEdit> configure) {
      this(name, textPrompt, false, configure);
    }
  }

  /** Per-method sums over scenes. */
  static final class Totals {
    double psnrOut;
    long changedBeyondFeather;
    double psnrIn;
    double ssimIn;
    double appearance;
    double kind;
    double colour;
    double hat;
    double size;
    double pose;
    double seconds;
    long peak = -1;
    int n;
    /** Per pairing: cases, look agreements, pose agreements. */
    final Map<Pairing, double[]> byPairing = new EnumMap<>(Pairing.class);
  }

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new EditBenchmark(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    if (!subjectPrompt.contains("{}")) {
      throw new UsageException("--subject-prompt '" + subjectPrompt + "' has no {} for the subject's word");
    }
    boolean baselineCaption = Choices.check("--baseline-prompt", baselinePrompt, "phrase", "caption").equals("caption");
    EditOptionCheck.discover().check(PluginConfig.of(editOptions));
    Files.createDirectories(out);
    EditRuntime runtime = Runtimes.discover();

    long noiseSeed = editSeed.orElse(seed);
    List<Method> methods = select(withOptions(methods(steps, strength, sdeditStrength), editOptions), only);
    Map<String, Totals> totals = new LinkedHashMap<>();
    methods.forEach(m -> totals.put(m.name(), new Totals()));
    totals.put(CONTROL, new Totals());
    totals.put(CEILING, new Totals());
    // only the rows that prompt with the subject's word and do not read its pictures use learned tokens
    boolean needsTokens = methods.stream().anyMatch(m -> !m.textPrompt() && !m.subjectPictures());
    double inversionSeconds = 0;
    int inversionsRun = 0;
    long inversionPeak = 0;
    int done = 0;
    List<String> cases = new ArrayList<>(List.of("scene,method,pairing,look,kind,colour,hat,size,pose"));
    List<JudgeAgreement> idealRead = new ArrayList<>();
    SceneOptions sceneOptions = sceneOptions(generation, size);
    SceneGenerator world = heldOutWorld(sceneOptions);
    try (NDManager judgeManager = OfflineEngine.get().newBaseManager(); VaeRoundTrip vae = new VaeRoundTrip(model)) {
      if (vae.available()) {
        totals.put(VAE_CEILING, new Totals());
      }
      Judge judge = FigureWorldJudge.named(judgeName, judgeManager);
      for (Found found : cases(world, seed, scenes)) {
        long s = found.seed();
        Scene scene = found.sceneCase().scene();
        SceneCase c = subjectPictures == 1 ? found.sceneCase()
            : found.sceneCase().withSubjectPictures(subjectPictures, world, 100_000 + s * subjectPictures);
        Path dir = out.resolve("scene-" + s);
        Files.createDirectories(dir);
        scene.picture().write(dir.resolve("bedrock.png"));
        c.ideal().write(dir.resolve("ideal.png"));
        for (int i = 1; i < c.subject().pictures().size(); i++) {
          c.subject().pictures().get(i).write(dir.resolve("subject-" + i + ".png"));
        }

        // the subject's inversion, once per scene; every method below reuses the saved tokens
        Path tokens = dir.resolve(AppearanceBranch.fileName(WORD));
        if (needsTokens && !(reuseSubjects && Files.exists(tokens))) {
          inversionsRun++;
          PeakMemory.reset();
          EditResult learned = base(scene, c, c.subject(), model, guidance, noiseSeed).steps(1)
              .option("branch.motion", false).option("branch.region", false)
              .option("branch.subject-attention", false).option("branch.appearance.source", "inversion")
              .option("branch.appearance.steps", inversionSteps)
              .option("branch.appearance.save-to", dir.toString()).options(editOptions)
              .options(inversionTemplate.map(t -> Map.of("branch.appearance.template",
                  t.replace(POSE, c.donorPose()))).orElse(Map.of())).run(runtime);
          inversionSeconds += learned.timings().getOrDefault("branch:appearance", Duration.ZERO).toNanos() / 1e9;
          inversionPeak = Math.max(inversionPeak, PeakMemory.peakBytes());
        }
        Subject saved = needsTokens ? Subject.fromEmbedding(WORD, tokens) : c.subject();

        for (Method m : methods) {
          ReadyEdit edit = m.configure().apply(base(scene, c, m.subjectPictures() ? c.subject() : saved, model,
              guidance, noiseSeed)
              .prompt(m.textPrompt() ? (baselineCaption ? c.caption() : c.text())
              : subjectPrompt.replace("{}", WORD).replace(POSE, c.pose()).replace(OTHERS, c.others())
                  .replace(BACKGROUND, c.background())));
          if (!m.textPrompt()) {
            edit = edit.sampler(sampler);
          }
          if (!m.textPrompt() && !negativePrompt.isBlank()) {
            boolean hat = c.scene().figures().get(c.donor()).figure().appearance().hat();
            edit = edit.negativePrompt(negativePrompt.replace(OCCUPANT, c.occupantKind())
                .replace(ABSENT, hat ? "" : "hat").trim());
          }
          PeakMemory.reset();
          EditResult r = edit.run(runtime);
          long peak = PeakMemory.peakBytes();
          r.picture().write(dir.resolve(m.name().replaceAll("[^A-Za-z0-9-]+", "_") + ".png"));
          JudgeAgreement a = score(totals.get(m.name()), r.picture(), scene, c, judge, featherOf(r),
              r.totalTime().toNanos() / 1e9, peak);
          cases.add(String.join(",", Long.toString(s), m.name(), c.pairing().name(), a.digits()));
        }
        idealRead.add(JudgeAgreement.againstTruth(judge, c.ideal(), c.region(), c.idealTruth()));
        score(totals.get(CONTROL), paint(scene.picture(), c.region(), GREY), scene, c, judge, 0, Double.NaN, -1);
        EditResult ceiling = throughTheModel(c, model, steps, noiseSeed).run(runtime);
        ceiling.picture().write(dir.resolve("ideal-through-the-model.png"));
        score(totals.get(CEILING), ceiling.picture(), scene, c, judge, featherOf(ceiling), Double.NaN, -1);
        if (vae.available()) {
          Picture roundTrip = vae.apply(c.ideal(), c.region(), featherOf(ceiling));
          roundTrip.write(dir.resolve("ideal-through-the-vae.png"));
          score(totals.get(VAE_CEILING), roundTrip, scene, c, judge, featherOf(ceiling), Double.NaN, -1);
        }
        done++;
      }
      judge.close();
    }
    if (done == 0) {
      throw new IllegalStateException("no usable held-out scene found from seed " + seed + "; try another --seed");
    }
    String table = table(model, done, sceneOptions.width(), judgeName, steps, strength, inversionSteps, editOptions,
        totals, inversionsRun == 0 ? Double.NaN : inversionSeconds / inversionsRun, inversionPeak)
        + judgeOnIdeals(idealRead);
    AtomicFiles.writeString(out.resolve("edit-benchmark.md"), table);
    AtomicFiles.writeString(out.resolve("cases.csv"), String.join("\n", cases) + "\n");
    System.out.println(table);
    System.out.println("pictures and table written to " + out);
  }

  /** The scenes of {@code generation}'s world ({@code size} wide and high in the standard world). */
  static SceneOptions sceneOptions(ModelGeneration generation, int size) {
    return generation == ModelGeneration.STANDARD ? SceneOptions.defaults().withSize(size, size) : generation.scenes();
  }

  /** One benchmark case and the seed of its scene. */
  record Found(long seed, SceneCase sceneCase) {}

  /**
   * The benchmark's cases: the first {@code scenes} scenes of {@code world} from {@code seed} on in which figure 0
   * can take figure 1's look, looking at no more than 50 seeds per case asked for.
   */
  static List<Found> cases(SceneGenerator world, long seed, int scenes) {
    List<Found> out = new ArrayList<>();
    for (long s = seed; out.size() < scenes && s < seed + 50L * scenes; s++) {
      long at = s;
      SceneCase.of(world.generate(s), 0, 1, WORD).ifPresent(c -> out.add(new Found(at, c)));
    }
    return out;
  }

  /** Where the benchmark's scenes come from: held-out scenes of two or three figures. */
  static SceneGenerator heldOutWorld(SceneOptions options) {
    return new SceneGenerator(options.withSplit(Split.HELD_OUT).withFigures(2, 3));
  }

  /**
   * How often the judge reads each ideal edit as what it truly shows: the agreement columns compare every result
   * with the judge's reading of the ideal edit, so where that reading is wrong they count a faithful edit as a miss.
   */
  static String judgeOnIdeals(List<JudgeAgreement> readings) {
    if (readings.isEmpty()) {
      return "";
    }
    JudgeAgreement right = JudgeAgreement.mean(readings);
    return String.format(Locale.ROOT, "%nThe judge reads the ideal edit's figure as the scene truly has it in %.0f %% "
        + "of the scenes for the look (kind %.0f %%, colour %.0f %%, hat %.0f %%, size %.0f %%) and %.0f %% for the "
        + "pose: the agreement columns above are measured against these readings.%n",
        100 * right.appearance(), 100 * right.kind(), 100 * right.colour(), 100 * right.hat(), 100 * right.size(),
        100 * right.pose());
  }

  /** Adds one result's metrics to a method's sums and returns the judge's agreement. */
  private static JudgeAgreement score(Totals t, Picture result, Scene scene, SceneCase c, Judge judge, int feather,
      double seconds, long peak) {
    t.psnrOut += Metrics.psnr(result, scene.picture(), c.region(), false);
    t.changedBeyondFeather += Metrics.changed(result, scene.picture(), PictureTensors.feather(c.region(), feather));
    t.psnrIn += Metrics.psnr(result, c.ideal(), c.region(), true);
    t.ssimIn += Metrics.ssim(result, c.ideal(), c.region());
    JudgeAgreement agreement = JudgeAgreement.of(judge, result, c.ideal(), c.region());
    t.appearance += agreement.appearance();
    t.kind += agreement.kind();
    t.colour += agreement.colour();
    t.hat += agreement.hat();
    t.size += agreement.size();
    t.pose += agreement.pose();
    t.seconds += seconds;
    t.peak = Math.max(t.peak, peak);
    t.n++;
    double[] p = t.byPairing.computeIfAbsent(c.pairing(), k -> new double[3]);
    p[0]++;
    p[1] += agreement.appearance();
    p[2] += agreement.pose();
    return agreement;
  }

  /**
   * The ideal edit encoded, given one denoising step (of {@code steps}) and decoded inside the region: the edit
   * that keeps the ideal's latent, so the judge's reading of it is the ceiling of any latent-space edit.
   */
  static ReadyEdit throughTheModel(SceneCase c, Optional<Path> model, int steps, long seed) {
    ReadyEdit e = plainNoising(Editor.bedrock(c.ideal()).replace(Region.mask(c.region())).with(c.subject())
        .prompt(c.caption()).steps(steps).strength(1.0 / steps).seed(seed).option("branch.appearance", false)
        .option("branch.subject-attention", false));
    return model.isPresent() ? e.model(model.get()) : e;
  }

  /** The picture with every pixel of the region (weight above 0.5) set to {@code rgb}. */
  static Picture paint(Picture picture, Mask region, int rgb) {
    int[] pixels = picture.rgbPixels();
    float[] weights = region.weights();
    for (int i = 0; i < pixels.length; i++) {
      if (weights[i] > 0.5f) {
        pixels[i] = rgb;
      }
    }
    return Picture.ofRgb(picture.width(), picture.height(), pixels);
  }

  /** The feather radius the edit used (0 when it did not composite). */
  private static int featherOf(EditResult r) {
    return Integer.parseInt(r.record().getOrDefault("branch.region.feather", "0"));
  }

  static ReadyEdit base(Scene scene, SceneCase c, Subject subject, Optional<Path> model, double guidance,
      long seed) {
    ReadyEdit e = Editor.bedrock(scene.picture()).replace(Region.mask(c.region())).with(subject)
        .guidanceScale(guidance).seed(seed);
    return model.isPresent() ? e.model(model.get()) : e;
  }

  /** The methods whose name contains one of {@code only} (all when it is empty); fails when none is left. */
  static List<Method> select(List<Method> methods, List<String> only) {
    if (only.isEmpty()) {
      return methods;
    }
    List<Method> chosen = methods.stream().filter(m -> only.stream().anyMatch(m.name()::contains)).toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("--only " + only + " matches no method; the methods are "
          + methods.stream().map(Method::name).toList());
    }
    return chosen;
  }

  /** The CrossNet rows with {@code options} (edit option name to value) added; the baselines unchanged. */
  static List<Method> withOptions(List<Method> methods, Map<String, String> options) {
    return methods.stream().map(m -> !m.name().startsWith("CrossNet") || options.isEmpty() ? m
        : new Method(m.name(), m.textPrompt(), m.subjectPictures(), e -> m.configure().apply(e).options(options)))
        .toList();
  }

  /**
   * The motion branch as plain forward noising (SDEdit's start): the picture as it is, noised to the edit's strength,
   * without ILVR and without any of the branch's FigureWorld readings, so the edit does not depend on how the
   * subject is given.
   */
  static ReadyEdit plainNoising(ReadyEdit e) {
    return e.option("branch.motion.mode", "noise").option("branch.motion.ilvr", false)
        .option("branch.motion.occupant", "keep").option("branch.motion.pose", "none")
        .option("branch.motion.scale", "none").option("branch.motion.body", "none");
  }

  static List<Method> methods(int steps, double strength, double sdeditStrength) {
    List<Method> list = new ArrayList<>();
    list.add(new Method("SDEdit (text)", true, e -> plainNoising(e.steps(steps).strength(sdeditStrength)
        .option("branch.appearance", false).option("branch.region", false)
        .option("branch.subject-attention", false))));
    list.add(new Method("RePaint (text)", true, e -> e.steps(steps).strength(1.0)
        .option("branch.appearance", false).option("branch.motion", false)
        .option("branch.subject-attention", false)
        .option("branch.region.jump-length", Math.max(1, steps / 5)).option("branch.region.jump-count", 2)));
    for (String branch : List.of("appearance", "motion", "region", "subject-attention")) {
      list.add(new Method("CrossNet - " + branch, false, true, e -> e.steps(steps).strength(strength)
          .option("branch." + branch, false)));
    }
    list.add(new Method(FULL, false, true, e -> e.steps(steps).strength(strength)));
    list.add(new Method(FULL_LEARNED, false, false, e -> e.steps(steps).strength(strength)
        .option("branch.appearance.source", "inversion")));
    return list;
  }

  private static String table(Optional<Path> model, int scenes, int size, String judgeName, int steps, double strength,
      int inversionSteps, Map<String, String> editOptions, Map<String, Totals> totals, double inversionSeconds,
      long inversionPeak) {
    StringBuilder md = new StringBuilder();
    md.append("# CrossNet edit benchmark\n\n");
    md.append(String.format(Locale.ROOT, "Model: %s. %d held-out FigureWorld scenes of %dx%d (figure 0 takes "
        + "figure 1's look), %d steps, CrossNet strength %.2f, subject inversion %d steps; judge: %s.%n%n",
        model.map(Path::toString).orElse("<default>"), scenes, size, size, steps, strength, inversionSteps,
        judgeName));
    if (!editOptions.isEmpty()) {
      md.append("CrossNet rows' extra edit options: ").append(editOptions).append(".\n\n");
    }
    md.append("| method | PSNR outside vs bedrock (dB) | pixels changed beyond the feather | PSNR inside vs ideal (dB) "
        + "| SSIM inside vs ideal | judge: subject's look | (kind) | (colour) | (hat) | (size) "
        + "| judge: occupant's pose | time per edit (s) | peak RSS (MB) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    totals.forEach((name, t) -> md.append(String.format(Locale.ROOT,
        "| %s | %s | %d | %s | %.3f | %.0f %% | %.0f %% | %.0f %% | %.0f %% | %.0f %% | %.0f %% | %s | %s |%n",
        name, db(t.psnrOut / t.n), t.changedBeyondFeather, db(t.psnrIn / t.n), t.ssimIn / t.n,
        100 * t.appearance / t.n, 100 * t.kind / t.n, 100 * t.colour / t.n, 100 * t.hat / t.n,
        100 * t.size / t.n, 100 * t.pose / t.n, seconds(t.seconds / t.n), mb(t.peak))));
    md.append(Double.isNaN(inversionSeconds) ? String.format(Locale.ROOT,
        "%nSubject inversion: not run (the rows chosen use no learned tokens, or --reuse-subjects reused them).%n")
        : String.format(Locale.ROOT, "%nSubject inversion: %.2f s per subject, peak RSS %s MB.%n",
        inversionSeconds, mb(inversionPeak)));
    md.append(pairingTable(totals));
    md.append("\nPSNR outside counts every pixel outside the hard region; \"inf\" means identical (CrossNet's seam "
        + "lies inside the region by default, branch.region.seam; with seam=outside, and for the controls, the "
        + "feathered fade just outside the region counts). Pixels changed beyond the feather are summed over all "
        + "scenes (0 = the bedrock's own pixels are kept exactly there). The judge columns give the share of "
        + "edits where the FigureWorld judge, asked about the region's bounding box, reads the same kind, "
        + "colour, hat and size (look) or the same pose as on the ideal edit; the control row (the region painted "
        + "grey) shows what the box's shape alone earns, and the ideal edit through the model (encoded, one "
        + "denoising step, decoded) what a perfect latent-space edit earns: the judge's reading of it is the "
        + "ceiling set by the model; the ideal edit through the VAE alone (encoded and decoded, no denoising step) "
        + "tells how much of that ceiling the VAE sets. Kind, colour, hat and size are the parts of the look, "
        + "shown on their own to tell which part fails. The second table splits look and pose by the subject's kind "
        + "against the occupant's: of the same kind, of another kind with the same skeleton (person and robot; dog "
        + "and cat), or of an unlike skeleton (humanoid, four-legged, bird), where the ideal edit's outline differs "
        + "from the occupant's.\n");
    return md.toString();
  }

  /**
   * Look and pose agreement split by how the subject relates to the occupant ({@link Pairing}): each cell gives
   * look / pose over that pairing's cases.
   */
  static String pairingTable(Map<String, Totals> totals) {
    StringBuilder md = new StringBuilder("\nLook / pose agreement by how the subject relates to the occupant "
        + "(cases):\n\n| method |");
    Map<Pairing, Integer> cases = new EnumMap<>(Pairing.class);
    totals.values().stream().findFirst().ifPresent(t -> t.byPairing.forEach((k, v) -> cases.put(k, (int) v[0])));
    for (Pairing p : Pairing.values()) {
      md.append(' ').append(p.label()).append(" (").append(cases.getOrDefault(p, 0)).append(") |");
    }
    md.append("\n|---|").append("---:|".repeat(Pairing.values().length)).append('\n');
    totals.forEach((name, t) -> {
      md.append("| ").append(name).append(" |");
      for (Pairing p : Pairing.values()) {
        double[] v = t.byPairing.get(p);
        md.append(v == null ? " - |" : String.format(Locale.ROOT, " %.0f %% / %.0f %% |", 100 * v[1] / v[0],
            100 * v[2] / v[0]));
      }
      md.append('\n');
    });
    return md.toString();
  }

  private static String db(double v) {
    return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Seconds per edit; "-" for a row that runs nothing (NaN). */
  private static String seconds(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "n/a" : Long.toString(bytes / (1024 * 1024));
  }
}
