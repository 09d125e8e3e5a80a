package dev.crossnet.core.figureworld;

import dev.crossnet.api.region.Region;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>A proposal is kept only if every figure shows at least {@value #MIN_VISIBLE_SHARE} of its silhouette
 * (and {@value #MIN_VISIBLE_PIXELS_AT_64} pixels at 64x64) in every frame; otherwise the generator draws the
 * next proposal from the same random stream.
 */
public final class SceneGenerator {

  static final double MIN_VISIBLE_SHARE = 0.4;
  static final int MIN_VISIBLE_PIXELS_AT_64 = 12;
  private static final int ATTEMPTS = 200;
  private static final double HAT_CHANCE = 0.3;
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

  /** A clip of {@code frames} frames for this seed; every figure stays visible in every frame. */
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
    for (FigureTruth f : s.figures()) {
      double silhouette = f.silhouette().coverage() * s.width() * s.height();
      if (f.visiblePixels() < MIN_VISIBLE_SHARE * silhouette || f.visiblePixels() < MIN_VISIBLE_PIXELS_AT_64 * pixelScale) {
        return false;
      }
    }
    return true;
  }

  private SceneLayout propose(Random r) {
    Background bg = pick(r, Background.values());
    double horizon = 0.40 + 0.12 * r.nextDouble();
    int n = options.minFigures() + r.nextInt(options.maxFigures() - options.minFigures() + 1);
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
    return place(r, bg, horizon, figures, rel);
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

  private SceneLayout place(Random r, Background bg, double horizon, List<Figure> figures, RelationType rel) {
    int n = figures.size();
    double aspect = (double) options.height() / options.width();
    boolean pair = rel != null && rel != RelationType.ON_TOP_OF;
    int first = pair ? r.nextInt(n - 1) : 0;
    boolean subjectRight = r.nextBoolean();
    int[] column = new int[n];
    int next = 0;
    for (int i = 0; i < n; i++) {
      if (pair && i < 2) {
        column[i] = first + ((i == 0) == subjectRight ? 1 : 0);
      } else {
        while (pair && (next == first || next == first + 1)) {
          next++;
        }
        column[i] = next++;
      }
    }
    double[] x = new double[n];
    double[] y = new double[n];
    boolean[] right = new boolean[n];
    double[] depth = new double[n];
    Region.Point[] target = new Region.Point[n];
    double yMin = Math.max(horizon + 0.15, 0.63);
    for (int i = 0; i < n; i++) {
      x[i] = 0.1 + 0.8 * (column[i] + 0.5) / n + (r.nextDouble() - 0.5) * 0.06;
      y[i] = yMin + r.nextDouble() * (0.95 - yMin);
      right[i] = r.nextBoolean();
      depth[i] = 1;
    }
    List<SceneObject> objects = new ArrayList<>();
    SceneObject carrier = null;
    if (pair) {
      int left = subjectRight ? 1 : 0;
      int rightIdx = 1 - left;
      double mid = (x[0] + x[1]) / 2;
      double scale = figures.get(0).appearance().size().scale();
      switch (rel) {
        case NEXT_TO, FACING -> {
          // Side by side with a small gap (a wider one when facing), whatever the two figures' widths.
          double halves = halfWidth(figures.get(0)) + halfWidth(figures.get(1));
          double gap = (halves + (rel == RelationType.FACING ? 0.1 : 0.03)) * aspect;
          double half = Math.max(halfWidth(figures.get(0)), halfWidth(figures.get(1))) * aspect + 0.01 + gap / 2;
          mid = Math.max(half, Math.min(1 - half, mid));
          y[1] = y[0];
          x[left] = mid - gap / 2;
          x[rightIdx] = mid + gap / 2;
          if (rel == RelationType.FACING) {
            right[left] = true;
            right[rightIdx] = false;
          }
        }
        case BEHIND -> {
          depth[0] = 0.78;
          double subjectHeight = scale * depth[0] * 1.2;
          y[0] = Math.max(Math.max(y[1] - 0.1, horizon + 0.03), subjectHeight + 0.02);
          x[0] = x[1] + (subjectRight ? 1 : -1) * 0.13 * aspect;
        }
        case HOLDING_HANDS -> {
          double gap = 0.42 * scale * aspect;
          // Keep the pair inside the frame here: clamping one partner later would part their hands.
          double half = halfWidth(figures.get(0)) * aspect + 0.01 + gap / 2;
          mid = Math.max(half, Math.min(1 - half, mid));
          y[1] = y[0];
          x[left] = mid - gap / 2;
          x[rightIdx] = mid + gap / 2;
          right[1] = right[0];
          Region.Point t = new Region.Point(mid, y[0] - 0.63 * scale);
          target[0] = t;
          target[1] = t;
        }
        default -> throw new IllegalStateException("unplaced relation " + rel);
      }
    } else if (rel == RelationType.ON_TOP_OF) {
      List<ObjectKind> carriers = bg.objects().stream().filter(ObjectKind::carries).toList();
      ObjectKind kind = carriers.get(r.nextInt(carriers.size()));
      double scale = figures.get(0).appearance().size().scale();
      double ground = Math.min(0.96, Math.max(y[0], kind.height() + scale * 1.2 + 0.02));
      carrier = new SceneObject(kind, x[0], ground);
      objects.add(carrier);
      y[0] = ground - kind.height();
    }
    int extras = r.nextInt(3);
    for (int i = 0; i < extras; i++) {
      ObjectKind kind = bg.objects().get(r.nextInt(bg.objects().size()));
      objects.add(new SceneObject(kind, 0.05 + 0.9 * r.nextDouble(), horizon + 0.01 + 0.08 * r.nextDouble()));
    }
    // Props are painted in list order, so sort them back to front.
    objects.sort(Comparator.comparingDouble(SceneObject::y));
    List<PlacedFigure> placed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double half = halfWidth(figures.get(i)) * depth[i] * aspect + 0.01;
      double xi = Math.max(half, Math.min(1 - half, x[i]));
      placed.add(new PlacedFigure(figures.get(i), new Placement(xi, y[i], right[i], depth[i], target[i])));
    }
    List<Relation> relations = new ArrayList<>();
    if (pair) {
      relations.add(new Relation(rel, 0, 1));
    } else if (carrier != null) {
      relations.add(new Relation(rel, 0, objects.indexOf(carrier)));
    }
    return new SceneLayout(bg, horizon, objects, placed, relations, 0);
  }

  /** Half a figure's width as a share of the image height, so that figures keep apart and inside the frame. */
  private static double halfWidth(Figure f) {
    double scale = f.appearance().size().scale();
    double half;
    if (f.kind() == FigureKind.BIRD) {
      half = 0.3;
    } else if (f.kind().fourLegged()) {
      half = switch (f.pose()) {
        case LYING -> 0.55;
        case JUMPING -> 0.45;
        default -> 0.4;
      };
    } else {
      half = switch (f.pose()) {
        case LYING -> 0.55;
        case POINTING, SITTING, WAVING -> 0.35;
        case CHEERING -> 0.3;
        case WALKING -> 0.25;
        default -> 0.2;
      };
    }
    return half * scale;
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
