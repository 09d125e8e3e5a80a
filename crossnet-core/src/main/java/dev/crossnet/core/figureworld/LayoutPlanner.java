package dev.crossnet.core.figureworld;

import dev.crossnet.api.region.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Places chosen figures in a scene: one column per figure with a little jitter, then the relation's geometry
 * (side by side, further back, facing, hands joined, on a prop), then props near the horizon.
 */
final class LayoutPlanner {

  private LayoutPlanner() {}

  static SceneLayout place(Random r, SceneOptions options, Background bg, double horizon, List<Figure> figures,
      RelationType rel) {
    int n = figures.size();
    double k = options.figureScale();
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
      // a large figure stands low enough for its head to stay in the frame (never binds at the default scale)
      y[i] = Math.max(y[i], Math.min(0.97, figures.get(i).appearance().size().scale() * k * 1.05 + 0.02));
      right[i] = r.nextBoolean();
      depth[i] = k;
    }
    List<SceneObject> objects = new ArrayList<>();
    SceneObject carrier = null;
    if (pair) {
      int left = subjectRight ? 1 : 0;
      int rightIdx = 1 - left;
      double mid = (x[0] + x[1]) / 2;
      double scale = k * figures.get(0).appearance().size().scale();
      switch (rel) {
        case NEXT_TO, FACING -> {
          // Side by side with a small gap (a wider one when facing), whatever the two figures' widths.
          double halves = k * (halfWidth(figures.get(0)) + halfWidth(figures.get(1)));
          double gap = (halves + (rel == RelationType.FACING ? 0.1 : 0.03)) * aspect;
          double half = k * Math.max(halfWidth(figures.get(0)), halfWidth(figures.get(1))) * aspect + 0.01 + gap / 2;
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
          depth[0] = 0.78 * k;
          double subjectHeight = scale * depth[0] * 1.2;
          y[0] = Math.max(Math.max(y[1] - 0.1, horizon + 0.03), subjectHeight + 0.02);
          x[0] = x[1] + (subjectRight ? 1 : -1) * 0.13 * k * aspect;
        }
        case HOLDING_HANDS -> {
          double gap = 0.42 * scale * aspect;
          // Keep the pair inside the frame here: clamping one partner later would part their hands.
          double half = k * halfWidth(figures.get(0)) * aspect + 0.01 + gap / 2;
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
      double scale = k * figures.get(0).appearance().size().scale();
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
}
