package dev.crossnet.core.figureworld;

import java.awt.geom.Point2D;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes four-legged animal joint positions: a horizontal body from hip to shoulder that can tilt and lift,
 * a head ahead of the shoulder, a tail behind the hip, and four two-segment legs. A cat is a smaller dog with
 * its own head and tail (drawn by {@link FigureRenderer}).
 */
final class AnimalKinematics {

  static final double BODY = 0.42;
  static final double UPPER_LEG = 0.17;
  static final double LOWER_LEG = 0.16;
  private static final double LEG = UPPER_LEG + LOWER_LEG;

  private AnimalKinematics() {}

  static Skeleton pose(FigureKind kind, Pose pose, double phase) {
    // Shifted a quarter cycle so that a still (phase 0) walker is mid-stride, not legs together.
    double wave = StrictMath.sin(2 * Math.PI * (phase + 0.25));
    Map<Joint, Point2D.Double> j = switch (pose) {
      case STANDING -> body(-LEG, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      case WALKING -> {
        double s = 22 * wave;
        yield body(-LEG, 0, s, s - Math.abs(s) * 0.6, -s, -s - Math.abs(s) * 0.6, -s, -s + Math.abs(s) * 0.6,
            s, s + Math.abs(s) * 0.6);
      }
      case SITTING -> body(-0.10, 35, 0, 0, 2, 2, 80, -60, 75, -60);
      case LYING -> body(-0.10, 0, 90, 90, 85, 85, 80, -100, 75, -100);
      case JUMPING -> body(-LEG - 0.12 - 0.08 * Math.abs(wave), 15, 120, 60, 110, 55, -50, -70, -45, -65);
      default -> throw new IllegalArgumentException(kind.noun() + "s cannot be " + pose.word());
    };
    double k = kind == FigureKind.CAT ? 0.85 : 1.0;
    Map<Joint, Point2D.Double> scaled = new EnumMap<>(Joint.class);
    j.forEach((joint, p) -> scaled.put(joint, new Point2D.Double(p.x * k, p.y * k)));
    return new Skeleton(scaled);
  }

  /**
   * The body with its hip at height hipY and tilted by tilt degrees (nose up); then leg angles in degrees from
   * straight down, positive forward: fore near (upper, lower), fore far, hind near, hind far.
   */
  private static Map<Joint, Point2D.Double> body(double hipY, double tilt, double fore1, double fore2,
      double farFore1, double farFore2, double hind1, double hind2, double farHind1, double farHind2) {
    Map<Joint, Point2D.Double> j = new EnumMap<>(Joint.class);
    double c = HumanoidKinematics.cos(tilt);
    double s = HumanoidKinematics.sin(tilt);
    Point2D.Double hip = new Point2D.Double(-BODY / 2, hipY);
    Point2D.Double shoulder = new Point2D.Double(hip.x + BODY * c, hip.y - BODY * s);
    j.put(Joint.PELVIS, hip);
    j.put(Joint.NECK, shoulder);
    j.put(Joint.HEAD, rotated(shoulder, 0.12, -0.16, c, s));
    j.put(Joint.NOSE, rotated(shoulder, 0.24, -0.13, c, s));
    j.put(Joint.TAIL_TIP, rotated(hip, -0.13, -0.17, c, s));
    legFrom(j, shoulder, 0, Joint.FORE_KNEE, Joint.FORE_PAW, fore1, fore2);
    legFrom(j, shoulder, -0.03, Joint.FAR_FORE_KNEE, Joint.FAR_FORE_PAW, farFore1, farFore2);
    legFrom(j, hip, 0, Joint.HIND_KNEE, Joint.HIND_PAW, hind1, hind2);
    legFrom(j, hip, -0.03, Joint.FAR_HIND_KNEE, Joint.FAR_HIND_PAW, farHind1, farHind2);
    return j;
  }

  private static void legFrom(Map<Joint, Point2D.Double> j, Point2D.Double root, double dx, Joint knee, Joint paw,
      double a1, double a2) {
    Point2D.Double k = new Point2D.Double(root.x + dx + UPPER_LEG * HumanoidKinematics.sin(a1),
        root.y + UPPER_LEG * HumanoidKinematics.cos(a1));
    j.put(knee, k);
    j.put(paw, new Point2D.Double(k.x + LOWER_LEG * HumanoidKinematics.sin(a2),
        k.y + LOWER_LEG * HumanoidKinematics.cos(a2)));
  }

  /** A point offset (dx, dy) from an anchor, the offset turned with the body's tilt. */
  private static Point2D.Double rotated(Point2D.Double anchor, double dx, double dy, double c, double s) {
    return new Point2D.Double(anchor.x + dx * c + dy * s, anchor.y - dx * s + dy * c);
  }
}
