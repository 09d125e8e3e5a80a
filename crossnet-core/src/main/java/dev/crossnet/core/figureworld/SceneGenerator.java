package dev.crossnet.core.figureworld;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes random scenes, deterministically: the same seed and options give the same layout and pixels. It uses
 * {@link java.util.Random}, whose sequence the Java specification fixes, and {@link StrictMath} for geometry.
 *
 * <pre>{@code
 * SceneGenerator world = new SceneGenerator(SceneOptions.defaults().withSplit(Split.TRAIN));
 * Scene scene = world.generate(7);
 * Clip clip = world.clip(7, 8);
 * }</pre>
 *
 * <p>A proposal is kept only if every figure shows at least 65% of its silhouette (40% for a figure standing
 * behind another) and 12 pixels at 64x64, in every frame; otherwise the generator draws the next proposal from
 * the same random stream. Scenes favour fewer figures (1 to 4 in the odds 35:35:20:10).
 */
public final class SceneGenerator {

  static final double MIN_VISIBLE_SHARE = 0.65;
  static final double MIN_VISIBLE_SHARE_BEHIND = 0.4;
  static final int MIN_VISIBLE_PIXELS_AT_64 = 12;
  private static final int ATTEMPTS = 200;
  private static final double HAT_CHANCE = 0.3;
  /** Relative odds of 1, 2, 3 and 4 figures (index 0 unused). */
  private static final int[] COUNT_WEIGHTS = {0, 35, 35, 20, 10};
  private static final RelationType[] PAIR_RELATIONS = {RelationType.NEXT_TO, RelationType.BEHIND,
      RelationType.FACING, RelationType.HOLDING_HANDS, RelationType.ON_TOP_OF};

  private final SceneOptions options;

  public SceneGenerator(SceneOptions options) {
    this.options = java.util.Objects.requireNonNull(options, "options");
  }

  public SceneOptions options() {
    return options;
  }

  /** The scene for this seed. */
  public Scene generate(long seed) {
    return clip(seed, 1).frames().get(0);
  }

  /**
   * A clip of {@code frames} frames for this seed; every figure stays visible in every frame. Its first frame
   * is {@code generate(seed)} unless a walker of that layout would leave the picture within the clip, in which
   * case the next proposal from the seed's random stream is used.
   */
  public Clip clip(long seed, int frames) {
    if (frames < 1) {
      throw new IllegalArgumentException("a clip needs at least 1 frame, got " + frames);
    }
    Random r = new Random(seed);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SceneLayout layout = propose(r);
      Clip clip = Clip.of(layout, frames, options.width(), options.height());
      if (clip.frames().stream().allMatch(this::everyFigureVisible)) {
        return clip;
      }
    }
    throw new IllegalStateException("no scene with every figure visible after " + ATTEMPTS + " proposals for seed "
        + seed + " and " + options + "; allow fewer figures or a larger image");
  }

  private boolean everyFigureVisible(Scene s) {
    double pixelScale = (double) s.width() * s.height() / (64 * 64);
    for (int i = 0; i < s.figures().size(); i++) {
      FigureTruth f = s.figures().get(i);
      double silhouette = f.silhouette().coverage() * s.width() * s.height();
      double share = isBehind(s, i) ? MIN_VISIBLE_SHARE_BEHIND : MIN_VISIBLE_SHARE;
      if (f.visiblePixels() < share * silhouette || f.visiblePixels() < MIN_VISIBLE_PIXELS_AT_64 * pixelScale) {
        return false;
      }
      // figures drawn larger than the default must keep their heads in the frame (the default scenes never
      // reach the top edge, and are kept exactly as they were)
      if (options.figureScale() > 1 && f.box().map(b -> b.y() == 0).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBehind(Scene s, int figure) {
    return s.relations().stream().anyMatch(r -> r.type() == RelationType.BEHIND && r.subject() == figure);
  }

  private SceneLayout propose(Random r) {
    Background bg = pick(r, Background.values());
    double horizon = 0.40 + 0.12 * r.nextDouble();
    int n = figureCount(r);
    Split want = options.split();
    // Which held-out rule a HELD_OUT scene is built around: 0 purple robot, 1 dog lying, 2 person-robot hands.
    int forced = want == Split.HELD_OUT ? r.nextInt(n >= 2 ? 3 : 2) : -1;
    RelationType rel = null;
    if (forced == 2) {
      rel = RelationType.HOLDING_HANDS;
    } else if (r.nextDouble() < options.relationChance()) {
      // A lone figure can only stand on a prop; keep that rarer so most single-figure captions stay plain.
      rel = n >= 2 ? pick(r, PAIR_RELATIONS) : (r.nextDouble() < 0.35 ? RelationType.ON_TOP_OF : null);
    }
    if (forced == 1 && rel == RelationType.HOLDING_HANDS) {
      rel = RelationType.NEXT_TO;
    }
    List<Figure> figures = figures(r, n, want, forced, rel);
    return LayoutPlanner.place(r, options, bg, horizon, figures, rel);
  }

  /** Draws how many figures a scene has, favouring fewer: crowded 64x64 scenes are hard to read. */
  private int figureCount(Random r) {
    int total = 0;
    for (int n = options.minFigures(); n <= options.maxFigures(); n++) {
      total += COUNT_WEIGHTS[n];
    }
    int pick = r.nextInt(total);
    for (int n = options.minFigures(); ; n++) {
      pick -= COUNT_WEIGHTS[n];
      if (pick < 0) {
        return n;
      }
    }
  }

  private List<Figure> figures(Random r, int n, Split want, int forced, RelationType rel) {
    boolean hands = rel == RelationType.HOLDING_HANDS;
    Pose shared = hands ? (r.nextBoolean() ? Pose.STANDING : Pose.WALKING) : null;
    Size sharedSize = hands ? pick(r, Size.values()) : null;
    FigureKind[] humanoids = {FigureKind.PERSON, FigureKind.ROBOT};
    List<Figure> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean paired = hands && i < 2;
      FigureKind kind = paired ? pick(r, humanoids) : null;
      Colour colour = null;
      Pose pose = paired ? shared : null;
      if (i == 0 && forced == 0) {
        kind = FigureKind.ROBOT;
        colour = Colour.PURPLE;
      } else if (i == 0 && forced == 1) {
        kind = FigureKind.DOG;
        pose = Pose.LYING;
      } else if (i < 2 && forced == 2) {
        kind = i == 0 ? pick(r, humanoids) : (fs.get(0).kind() == FigureKind.PERSON ? FigureKind.ROBOT
            : FigureKind.PERSON);
      } else if (i == 1 && hands && want == Split.TRAIN && Split.heldOutPair(fs.get(0).kind(), kind)) {
        kind = fs.get(0).kind();
      }
      fs.add(figure(r, want, kind, colour, pose, paired ? sharedSize : null,
          i == 0 && rel == RelationType.ON_TOP_OF));
    }
    return fs;
  }

  /** A random figure honouring the given choices (null = free); TRAIN scenes redraw held-out figures. */
  private Figure figure(Random r, Split want, FigureKind kindOrNull, Colour colourOrNull, Pose poseOrNull,
      Size sizeOrNull, boolean notWalking) {
    while (true) {
      FigureKind kind = kindOrNull != null ? kindOrNull : pick(r, FigureKind.values());
      Colour colour = colourOrNull != null ? colourOrNull : pick(r, Colour.values());
      boolean hat = r.nextDouble() < HAT_CHANCE;
      Size size = sizeOrNull != null ? sizeOrNull : pick(r, Size.values());
      Pose pose = poseOrNull != null ? poseOrNull : kind.poses().get(r.nextInt(kind.poses().size()));
      if (notWalking && (pose == Pose.WALKING || pose == Pose.FLYING)) {
        pose = Pose.STANDING;
      }
      Figure f = new Figure(kind, new Appearance(colour, hat, size), pose);
      if (want != Split.TRAIN || !Split.heldOut(f)) {
        return f;
      }
    }
  }

  static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
