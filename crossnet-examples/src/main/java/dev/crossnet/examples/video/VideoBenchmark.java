package dev.crossnet.examples.video;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyVideoEdit;
import dev.crossnet.api.edit.VideoEditResult;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.runtime.Runtimes;
import dev.crossnet.api.video.Video;
import dev.crossnet.core.edit.branch.RegionBranch;
import dev.crossnet.core.edit.video.MovedReference;
import dev.crossnet.core.edit.video.VideoOptions;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FocusMasks;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeReading;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.edit.VaeRoundTrip;
import dev.crossnet.examples.cli.ModelArgument;
import dev.crossnet.examples.edit.JudgeAgreement;
import dev.crossnet.examples.edit.Metrics;
import dev.crossnet.examples.edit.PeakMemory;
import dev.crossnet.examples.train.ModelGeneration;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Compares ways of editing a clip on held-out FigureWorld clips with ideal edits (in every frame figure 0, which
 * moves, takes the look of figure 1): per-frame image edits with independent or shared noise, cross-frame attention,
 * and the full video edit with its ablations. Per frame, as the image benchmark: the judge's look and pose agreement
 * with the ideal frame, PSNR outside the region, pixels changed outside it. Over time: flicker error (the result's
 * frame-to-frame change inside the region against the ideal clip's) and the stability of the judged look and kind.
 * With {@code --lengths}, time per frame and peak memory of the full edit at those clip lengths. Writes
 * {@code video-benchmark.md}, every result as a GIF, and a strip of the first clip (bedrock, full result, ideal).
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.video.VideoBenchmark --model figureworld-v2 --world main-subject \
 *   --judge models/default-v2/judge [--clips 6] [--frames 8] [--steps 30] [--seed 1] [--lengths 8,32,128]
 * </pre>
 */
@Command(name = "VideoBenchmark", sortOptions = false, sortSynopsis = false,
    description = "Compares per-frame image edits, cross-frame attention and the full video edit on held-out "
        + "FigureWorld clips.")
public final class VideoBenchmark implements Callable<Integer> {

  static final String WORD = "<subject>";

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
  Path model;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Clips of standard FigureWorld (64x64) or main-subject FigureWorld (128x128) "
          + "(default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "bundled",
      description = "The judge: bundled, or a judge folder such as models/default-v2/judge "
          + "(default: ${DEFAULT-VALUE}).")
  String judgeName;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/video-benchmark",
      description = "Folder for video-benchmark.md and every clip (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--clips", paramLabel = "N", defaultValue = "4",
      description = "Held-out clips edited (default: ${DEFAULT-VALUE}).")
  int clips;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "8",
      description = "Frames per clip (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--strength", paramLabel = "S", defaultValue = "0.8",
      description = "Strength (default: ${DEFAULT-VALUE}).")
  double strength;

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Where the search for clips starts; also the edits' seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--only", paramLabel = "NAME", split = ",",
      description = "Keep the methods whose name contains one of these texts, comma-separated (default: all).")
  List<String> only = new ArrayList<>();

  @Option(names = "--controls-only",
      description = "Score the controls alone and edit nothing (seconds, where the methods take minutes).")
  boolean controlsOnly;

  @Option(names = "--lengths", paramLabel = "N", split = ",",
      description = "Clip lengths at which to time the full edit and measure its peak memory, comma-separated, "
          + "e.g. 8,32,128 (default: none).")
  List<Integer> lengths = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE", split = ",",
      description = "Further edit options for every method, e.g. video.anchor.until=0.3 (default: none).")
  Map<String, String> set = new LinkedHashMap<>();

  /** One way of editing a clip: a name and the video options it sets. */
  record Method(String name, Map<String, Object> options) {}

  static final String FULL = "full (shared noise + anchor to the first frame's result, moved along the bedrock's "
      + "motion)";
  static final String STILL = "control: the bedrock clip unchanged";
  static final String VAE_CEILING = "control: ideal clip through the VAE alone";
  static final String MOVED_IDEAL = "control: the ideal first frame moved along the bedrock's motion";

  static List<Method> methods() {
    return List.of(
        new Method("per-frame image edits, independent noise", Map.of(VideoOptions.CROSS_FRAME, false,
            VideoOptions.NOISE, "independent", VideoOptions.ANCHOR, "off")),
        new Method("per-frame image edits, shared noise",
            Map.of(VideoOptions.CROSS_FRAME, false, VideoOptions.ANCHOR, "off")),
        new Method("cross-frame attention + shared noise, no anchor",
            Map.of(VideoOptions.CROSS_FRAME, true, VideoOptions.ANCHOR, "off")),
        new Method(FULL, Map.of()),
        new Method("full + cross-frame attention", Map.of(VideoOptions.CROSS_FRAME, true)),
        new Method("full, anchor to the previous frame's result", Map.of(VideoOptions.ANCHOR, "previous")),
        new Method("full, anchor moved by the region's shift", Map.of(VideoOptions.ANCHOR_MOTION, "shift")),
        new Method("full, noise moved with the region", Map.of(VideoOptions.NOISE, "follow")));
  }

  /** Per-method sums over clips. */
  static final class Totals {
    double look;
    double pose;
    double psnrOut;
    long changedOutside;
    double flicker;
    double lookStability;
    double kindStability;
    double secondsPerFrame;
    long peak = -1;
    int frames;
    int clips;
  }

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new VideoBenchmark(), args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(out);
    Path folder = ModelArgument.folder(model);
    EditRuntime runtime = Runtimes.discover();
    SceneOptions world = generation.scenes();
    List<Method> methods = controlsOnly ? List.of() : methods().stream()
        .filter(m -> only.isEmpty() || only.stream().anyMatch(m.name()::contains)).toList();
    if (methods.isEmpty() && !controlsOnly) {
      throw new IllegalArgumentException("--only " + only + " matches no method; the methods are "
          + methods().stream().map(Method::name).toList());
    }
    Map<String, Totals> totals = new LinkedHashMap<>();
    methods.forEach(m -> totals.put(m.name(), new Totals()));
    totals.put(STILL, new Totals());
    totals.put(VAE_CEILING, new Totals());
    totals.put(MOVED_IDEAL, new Totals());
    StringBuilder lengthTable = new StringBuilder();
    try (NDManager judgeManager = OfflineEngine.get().newBaseManager();
        VaeRoundTrip vae = new VaeRoundTrip(Optional.ofNullable(folder))) {
      Judge judge = FigureWorldJudge.named(judgeName, judgeManager);
      long next = seed;
      for (int c = 0; c < clips; c++) {
        ClipCase clip = ClipCase.find(world, frames, next, WORD);
        next = clip.seed() + 1;
        Path dir = out.resolve("clip-" + c);
        Files.createDirectories(dir);
        clip.bedrock().write(dir.resolve("bedrock.gif"));
        clip.ideal().write(dir.resolve("ideal.gif"));
        score(totals.get(STILL), clip.bedrock(), clip, judge, Double.NaN, -1);
        if (vae.available()) {
          List<Picture> through = new ArrayList<>();
          for (int f = 0; f < frames; f++) {
            through.add(vae.applyInside(clip.ideal().frame(f), clip.regions().get(f),
                RegionBranch.defaultFeather(world.width())));
          }
          score(totals.get(VAE_CEILING), clip.ideal().withFrames(through), clip, judge, Double.NaN, -1);
        } else {
          totals.remove(VAE_CEILING);
        }
        score(totals.get(MOVED_IDEAL), movedIdeal(clip), clip, judge, Double.NaN, -1);
        for (Method m : methods) {
          PeakMemory.reset();
          VideoEditResult r = edit(clip, m, folder).run(runtime);
          long peak = PeakMemory.peakBytes();
          r.video().write(dir.resolve(m.name().replaceAll("[^A-Za-z0-9-]+", "_") + ".gif"));
          score(totals.get(m.name()), r.video(), clip, judge,
              r.totalTime().toNanos() / 1e9 / clip.bedrock().frameCount(), peak);
          if (c == 0 && m.name().equals(FULL)) {
            strip(List.of(clip.bedrock(), r.video(), clip.ideal())).write(out.resolve("strip.png"));
          }
        }
      }
      for (int length : lengths) {
        ClipCase clip = ClipCase.find(world, length, seed, WORD);
        PeakMemory.reset();
        VideoEditResult r = edit(clip, methods().stream().filter(m -> m.name().equals(FULL)).findFirst().orElseThrow(),
            folder).run(runtime);
        lengthTable.append(String.format(Locale.ROOT, "| %d | %.2f | %s | %s |%n", length,
            r.totalTime().toNanos() / 1e9 / length, mb(PeakMemory.peakBytes()),
            r.record().getOrDefault("video.cross-frame.held", "-")));
      }
      judge.close();
    }
    String table = table(folder, world, totals, lengthTable.toString());
    Files.writeString(out.resolve("video-benchmark.md"), table);
    System.out.println(table);
    System.out.println("clips and table written to " + out);
    return CommandLines.OK;
  }

  private ReadyVideoEdit edit(ClipCase clip, Method m, Path folder) {
    ReadyVideoEdit e = Editor.bedrock(clip.bedrock()).replace(clip.track()).with(clip.subject()).prompt(WORD)
        .steps(steps).strength(strength).guidanceScale(guidance).seed(seed).options(set).options(m.options());
    return folder == null ? e : e.model(folder);
  }

  private static void score(Totals t, Video video, ClipCase clip, Judge judge, double secondsPerFrame,
      long peak) {
    List<String> looks = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    double psnr = 0;
    for (int f = 0; f < clip.bedrock().frameCount(); f++) {
      Picture result = video.frame(f);
      Mask region = clip.regions().get(f);
      JudgeAgreement a = JudgeAgreement.of(judge, result, clip.ideal().frame(f), region);
      t.look += a.appearance();
      t.pose += a.pose();
      double p = Metrics.psnr(result, clip.bedrock().frame(f), region, false);
      psnr += Double.isInfinite(p) ? 1 : 0;
      t.changedOutside += Metrics.changed(result, clip.bedrock().frame(f), region);
      JudgeReading reading = judge.read(result, FocusMasks.around(region, 0));
      kinds.add(reading.answer(FigureWorldJudge.KIND));
      looks.add(reading.answer(FigureWorldJudge.KIND) + "|" + reading.answer(FigureWorldJudge.COLOUR) + "|"
          + reading.answer(FigureWorldJudge.HAT) + "|" + reading.answer(FigureWorldJudge.SIZE));
      t.frames++;
    }
    t.psnrOut += psnr;
    t.flicker += VideoMetrics.flicker(video, clip.ideal(), clip.regions());
    t.lookStability += VideoMetrics.stability(looks);
    t.kindStability += VideoMetrics.stability(kinds);
    t.secondsPerFrame += secondsPerFrame;
    t.peak = Math.max(t.peak, peak);
    t.clips++;
  }

  /**
   * What the full edit's anchor would make of a perfect first frame: the ideal first frame moved to every later
   * frame along the bedrock's own motion ({@link MovedReference.Motion#FLOW}), as the anchor moves the first frame's
   * result. Its flicker error is the least the anchor can reach with this motion estimate.
   */
  static Video movedIdeal(ClipCase clip) {
    List<Picture> frames = new ArrayList<>(List.of(clip.ideal().frame(0)));
    for (int f = 1; f < clip.ideal().frameCount(); f++) {
      frames.add(MovedReference.of(clip.ideal().frame(0), List.of(clip.regions().get(0)), clip.bedrock().frame(0),
          clip.bedrock().frame(f), List.of(clip.regions().get(f)), MovedReference.Motion.FLOW));
    }
    return clip.ideal().withFrames(frames);
  }

  /** Rows of frames: each video one row, frames left to right. */
  static Picture strip(List<Video> rows) {
    Video first = rows.get(0);
    int w = first.width();
    int h = first.height();
    BufferedImage image = new BufferedImage(w * first.frameCount(), h * rows.size(), BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < rows.size(); r++) {
      for (int f = 0; f < first.frameCount(); f++) {
        image.getGraphics().drawImage(rows.get(r).frame(f).toBufferedImage(), f * w, r * h, null);
      }
    }
    return Picture.of(image);
  }

  private String table(Path folder, SceneOptions world, Map<String, Totals> totals, String lengthRows) {
    StringBuilder md = new StringBuilder("# CrossNet video benchmark\n\n");
    md.append(String.format(Locale.ROOT, "Model: %s. %d held-out FigureWorld clips of %d frames at %dx%d (figure 0, "
        + "which moves, takes figure 1's look in every frame), %d steps, strength %.2f, guidance %.1f, seed %d; "
        + "judge: %s.%n%n", folder == null ? "<default>" : folder, clips, frames, world.width(), world.height(), steps,
        strength, guidance, seed, judgeName));
    md.append("| method | judge: subject's look | judge: occupant's pose | frames with every pixel outside "
        + "the region kept | pixels changed outside the region | flicker error | look stability | kind stability "
        + "| time per frame (s) | peak RSS (MB) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    totals.forEach((name, t) -> md.append(String.format(Locale.ROOT,
        "| %s | %.0f %% | %.0f %% | %.0f %% | %d | %.2f | %.0f %% | %.0f %% | %.2f | %s |%n", name,
        100 * t.look / t.frames, 100 * t.pose / t.frames, 100 * t.psnrOut / t.frames, t.changedOutside,
        t.flicker / t.clips, 100 * t.lookStability / t.clips, 100 * t.kindStability / t.clips,
        t.secondsPerFrame / t.clips, mb(t.peak)).replace("| NaN |", "| - |")));
    md.append("\nLook and pose: the share of frames where the FigureWorld judge, asked about the region's bounding "
        + "box, reads the same kind, colour, hat and size (look) or the same pose as on the ideal frame. Flicker "
        + "error: the mean absolute difference (8-bit RGB levels) inside the region between the result's change from "
        + "one frame to the next and the ideal clip's change, averaged over frame pairs and clips. Look (kind) "
        + "stability: the share of a clip's frames whose judged look (kind) equals the clip's most common one. "
        + "Controls: the bedrock clip as it is (no edit), and each ideal frame encoded and decoded by the model's VAE "
        + "and put back inside the region with the edit's seam (the ceiling the VAE sets), and the ideal first frame "
        + "moved to every later frame along the bedrock's motion as the anchor moves the first frame's result (the "
        + "least flicker the anchor can reach with that motion).\n");
    if (!lengthRows.isEmpty()) {
      md.append("\nThe full edit at several clip lengths (one clip each):\n\n| frames | time per frame (s) "
          + "| peak RSS (MB) | cross-frame keys held |\n|---:|---:|---:|---:|\n").append(lengthRows);
    }
    return md.toString();
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "-" : Long.toString(bytes >> 20);
  }
}
