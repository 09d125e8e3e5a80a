package dev.crossnet.examples.schedule;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.schedule.FeatureLossMeasurement;
import dev.crossnet.core.schedule.FeatureLossPoint;
import dev.crossnet.core.schedule.FeatureLossSchedule;
import dev.crossnet.core.schedule.FeatureLossSettings;
import dev.crossnet.core.schedule.MaskedPicture;
import dev.crossnet.core.schedule.ModelSchedule;
import dev.crossnet.core.schedule.ScheduleCache;
import dev.crossnet.core.schedule.SchedulePlot;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import dev.crossnet.examples.train.ModelGeneration;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures a model's feature-loss schedule on held-out FigureWorld scenes (the region: figure 0's visible pixels)
 * and reads the same one-step x0 predictions with the FigureWorld judge (pose, kind and colour, asked about the
 * region's box, compared with its reading of the source), so that the generic signals can be checked against what
 * they stand for. Writes {@code feature-loss.md} (the table, the derived settings and the correlations),
 * {@code feature-loss.png} (the plot, judge curves dashed) and {@code predictions.png} (the first scenes' predictions
 * at t = 0.1 ... 1.0) to {@code --out}, and caches the schedule beside the model.
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.schedule.FeatureLossReport [--model figureworld] [--world standard] [--judge bundled]
 *   [--scenes 24] [--seed 1] [--step 0.05] [--out /tmp/feature-loss]
 * </pre>
 */
@Command(name = "FeatureLossReport", sortOptions = false, sortSynopsis = false,
    description = "Measures a model's feature-loss schedule on held-out FigureWorld scenes, with the judge's "
        + "readings of the same predictions beside the generic signals.")
public final class FeatureLossReport implements Callable<Integer> {

  /** Figure 0 must show at least this many pixels to be measured. */
  private static final int MIN_VISIBLE = 40;
  private static final int STRIP_SCENES = 4;

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "figureworld", description = ModelArgument.DESCRIPTION)
  Path model;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Scenes of standard (64x64) or main-subject (128x128) FigureWorld (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "bundled",
      description = "The judge: bundled, or a judge folder such as models/default-v2/judge "
          + "(default: ${DEFAULT-VALUE}).")
  String judgeName;

  @Option(names = "--scenes", paramLabel = "N", defaultValue = "24",
      description = "Held-out scenes measured, at least 2 (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the first scene and of the noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--step", paramLabel = "T", defaultValue = "0.05",
      description = "Step between the noise levels t = step ... 1 (default: ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--path-steps", paramLabel = "N", defaultValue = "1",
      description = "Steps of a whole denoising path: level t is denoised in ceil(N t) DDIM steps; 1 is the "
          + "one-step prediction (default: ${DEFAULT-VALUE}).")
  int pathSteps;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/feature-loss",
      description = "Folder for feature-loss.md and the plots (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--ship-to", paramLabel = "DIR",
      description = "Also write the schedule as the model's own (" + ModelSchedule.FILE + ", read by edits for their "
          + "automatic strength and ILVR span) into this folder: the model folder, or a built-in model's resource "
          + "folder (default: not written).")
  Path shipTo;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new FeatureLossReport(), args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(out);
    FeatureLossSettings settings = FeatureLossSettings.evenly(step, seed).withPathSteps(pathSteps);
    List<MaskedPicture> pictures = scenes();
    int levels = settings.fractions().size();
    Picture[][] predictions = new Picture[pictures.size()][levels];
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel m = DiffusionModel.load(ModelArgument.folder(model), manager);
      FeatureLossSchedule schedule = new FeatureLossMeasurement().measure(m, pictures, settings,
          p -> {
            if (p.done() % levels == 0) {
              System.out.printf("%d/%d pictures%n", p.done() / levels, pictures.size());
            }
          },
          (index, t, source, prediction) -> predictions[index][settings.fractions().indexOf(t)] = prediction,
          manager);
      Path cached = ScheduleCache.standard().store(m, schedule);
      if (shipTo != null) {
        System.out.println("the model's own schedule written to " + ModelSchedule.write(shipTo, schedule,
            model.toString()));
      }
      long readStart = System.nanoTime();
      FeatureLossSchedule reread = FeatureLossSchedule.loadOrCompute(m, pictures, settings, p -> {
        throw new IllegalStateException("the schedule just stored at " + cached + " was measured again");
      }, manager);
      double readSeconds = (System.nanoTime() - readStart) / 1e9;
      if (!reread.equals(schedule)) {
        throw new IllegalStateException("the schedule read back from " + cached + " differs from the one measured");
      }
      long judgeStart = System.nanoTime();
      JudgeCurve judged;
      try (Judge judge = FigureWorldJudge.named(judgeName, manager)) {
        judged = JudgeCurve.read(judge, pictures, predictions);
      }
      double judgeSeconds = (System.nanoTime() - judgeStart) / 1e9;
      String title = String.format(Locale.ROOT, "%s: feature-loss schedule (%d %s scenes)", model, pictures.size(),
          generation.word());
      SchedulePlot.write(out.resolve("feature-loss.png"), title, schedule, judgeSeries(schedule, judged));
      writeStrip(pictures, predictions, settings.fractions(), out.resolve("predictions.png"));
      String md = table(schedule, judged, cached, judgeSeconds, readSeconds);
      Files.writeString(out.resolve("feature-loss.md"), md);
      System.out.print(md);
    }
    return CommandLines.OK;
  }

  /** Held-out scenes of 2-3 figures whose figure 0 shows enough, the region its visible pixels. */
  private List<MaskedPicture> scenes() {
    if (scenes < 2) {
      throw new IllegalArgumentException("--scenes must be at least 2 (each scene's unrelated floor is the next "
          + "scene), got " + scenes);
    }
    SceneGenerator world = new SceneGenerator(generation.scenes().withSplit(Split.HELD_OUT).withFigures(2, 3));
    List<MaskedPicture> out = new ArrayList<>();
    for (long s = seed; out.size() < scenes; s++) {
      if (s > seed + 50L * scenes) {
        throw new IllegalStateException("too few usable held-out scenes from seed " + seed + "; try another --seed");
      }
      Scene scene = world.generate(s);
      FigureTruth f = scene.figures().get(0);
      if (f.visiblePixels() >= MIN_VISIBLE) {
        out.add(new MaskedPicture(scene.picture(), f.mask()));
      }
    }
    return out;
  }

  /**
   * The judge's shares read as the generic signals are: from the judge's floor (0) to its reading at the smallest t
   * (1), where the prediction is closest to the codec round trip that is the generic signals' ceiling.
   */
  private static List<SchedulePlot.Series> judgeSeries(FeatureLossSchedule s, JudgeCurve j) {
    double[] t = s.points().stream().mapToDouble(FeatureLossPoint::t).toArray();
    return List.of(new SchedulePlot.Series("judge: pose agrees", t, kept(j.pose, j.poseFloor)),
        new SchedulePlot.Series("judge: kind agrees", t, kept(j.kind, j.kindFloor)),
        new SchedulePlot.Series("judge: colour agrees", t, kept(j.colour, j.colourFloor)));
  }

  private static double[] kept(double[] raw, double floor) {
    double ceiling = raw[0];
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = ceiling - floor < 1e-9 ? 0 : Math.max(0, Math.min(1, (raw[i] - floor) / (ceiling - floor)));
    }
    return out;
  }

  /** The first t at which a kept curve falls below one half, interpolated between levels; NaN when it never does. */
  static double halfway(double[] t, double[] kept) {
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] < 0.5) {
        if (i == 0) {
          return t[0];
        }
        return t[i - 1] + (kept[i - 1] - 0.5) / (kept[i - 1] - kept[i]) * (t[i] - t[i - 1]);
      }
    }
    return Double.NaN;
  }

  private String table(FeatureLossSchedule s, JudgeCurve j, Path cached, double judgeSeconds, double readSeconds) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Model: %s (%s); %d held-out %s scenes from seed %d (region: figure 0's "
        + "visible pixels); noise seed %d; judge: %s; %s. Measured in %.1f s (%d UNet passes, %d decodes), judged "
        + "in %.1f s; cached at %s (read back equal by FeatureLossSchedule.loadOrCompute in %.2f s).%n%n", model,
        s.modelIdentity().substring(0, 16), s.pictureCount(), generation.word(), seed, seed, judgeName,
        s.settings().pathSteps() == 1 ? "one-step predictions"
            : "DDIM paths of ceil(" + s.settings().pathSteps() + " t) steps", s.seconds(),
        s.pictureCount() * s.settings().fractions().stream().mapToInt(s.settings()::stepsAt).sum(),
        s.pictureCount() * s.points().size(), judgeSeconds, cached, readSeconds));
    md.append("| t | timestep | structure | structure kept | look | look kept | judge: pose | judge: kind "
        + "| judge: colour |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < s.points().size(); i++) {
      FeatureLossPoint p = s.points().get(i);
      md.append(String.format(Locale.ROOT, "| %.2f | %d | %.3f | %.2f | %.3f | %.2f | %.0f %% | %.0f %% | %.0f %% |%n",
          p.t(), p.timestep(), p.structure(), s.structureKept(i), p.look(), s.lookKept(i), 100 * j.pose[i],
          100 * j.kind[i], 100 * j.colour[i]));
    }
    md.append(String.format(Locale.ROOT, "| floor (unrelated scene) | | %.3f | 0 | %.3f | 0 | %.0f %% | %.0f %% "
        + "| %.0f %% |%n", s.structureFloor(), s.lookFloor(), 100 * j.poseFloor, 100 * j.kindFloor,
        100 * j.colourFloor));
    md.append(String.format(Locale.ROOT, "| ceiling (codec round trip) | | %.3f | 1 | %.3f | 1 | | | |%n%n",
        s.structureCeiling(), s.lookCeiling()));
    md.append(String.format(Locale.ROOT, "Derived: strength %.2f, look returns below t = %.2f, ILVR until %.2f of "
        + "the steps.%n%n", s.strength(), s.lookReturns(), s.ilvrUntil()));
    double[] structure = new double[s.points().size()];
    double[] look = new double[s.points().size()];
    for (int i = 0; i < structure.length; i++) {
      structure[i] = s.structureKept(i);
      look[i] = s.lookKept(i);
    }
    double[] t = s.points().stream().mapToDouble(FeatureLossPoint::t).toArray();
    md.append(String.format(Locale.ROOT, "Half gone (the t where a curve, read from its floor to its ceiling, falls "
        + "below one half): structure %.2f, judge pose %.2f, judge kind %.2f; look %.2f, judge colour %.2f.%n%n",
        halfway(t, structure), halfway(t, kept(j.pose, j.poseFloor)), halfway(t, kept(j.kind, j.kindFloor)),
        halfway(t, look), halfway(t, kept(j.colour, j.colourFloor))));
    md.append(String.format(Locale.ROOT, "Correlation over t (Pearson, %d levels): structure kept with judge pose "
        + "%.2f, with judge kind %.2f, with judge colour %.2f; look kept with judge colour %.2f, with judge kind "
        + "%.2f, with judge pose %.2f.%n", structure.length, JudgeCurve.correlation(structure, j.pose),
        JudgeCurve.correlation(structure, j.kind), JudgeCurve.correlation(structure, j.colour),
        JudgeCurve.correlation(look, j.colour), JudgeCurve.correlation(look, j.kind),
        JudgeCurve.correlation(look, j.pose)));
    return md.toString();
  }

  /** The first scenes, each a row: the source, then its predictions at t = 0.1, 0.2, ... 1.0. */
  private static void writeStrip(List<MaskedPicture> pictures, Picture[][] predictions, List<Double> ts, Path png)
      throws Exception {
    List<Integer> columns = new ArrayList<>();
    for (int k = 0; k < ts.size(); k++) {
      double tenths = ts.get(k) * 10;
      if (Math.abs(tenths - Math.round(tenths)) < 1e-6) {
        columns.add(k);
      }
    }
    int rows = Math.min(STRIP_SCENES, pictures.size());
    int w = pictures.get(0).picture().width();
    int h = pictures.get(0).picture().height();
    BufferedImage strip = new BufferedImage(w * (columns.size() + 1), h * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = strip.createGraphics();
    for (int r = 0; r < rows; r++) {
      g.drawImage(pictures.get(r).picture().toBufferedImage(), 0, r * h, null);
      for (int c = 0; c < columns.size(); c++) {
        g.drawImage(predictions[r][columns.get(c)].toBufferedImage(), (c + 1) * w, r * h, null);
      }
    }
    g.dispose();
    ImageIO.write(strip, "png", png.toFile());
  }
}
