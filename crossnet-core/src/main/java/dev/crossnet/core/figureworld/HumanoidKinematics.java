package dev.crossnet.core.figureworld;

import java.awt.geom.Point2D;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes humanoid (person, robot) joint positions from limb angles, given in degrees from straight down,
 * positive towards the front.
 */
final class HumanoidKinematics {

  static final double UPPER_ARM = 0.16;
  static final double FOREARM = 0.15;
  static final double THIGH = 0.23;
  static final double SHIN = 0.23;
  static final double PELVIS_Y = -0.46;
  static final double NECK_Y = -0.78;
  static final double HEAD_RADIUS = 0.105;
  private static final double SHOULDER_X = 0.07;
  private static final double HIP_X = 0.04;

  private HumanoidKinematics() {}

  static Skeleton pose(Pose pose, double phase, Point2D handTarget) {
    // Shifted a quarter cycle so that a still (phase 0) walker is mid-stride, not legs together.
    double wave = StrictMath.sin(2 * Math.PI * (phase + 0.25));
    Map<Joint, Point2D.Double> j;
    switch (pose) {
      case STANDING -> j = body(0, 12, 8, -12, -8, 4, 4, -4, -4);
      case WAVING -> j = body(0, 125, 165 + 25 * wave, -10, -5, 4, 4, -4, -4);
      case CHEERING -> j = body(0, 140, 155, -140, -155, 6, 6, -6, -6);
      case POINTING -> j = body(0, 90, 90, -10, -5, 4, 4, -4, -4);
      case WALKING -> {
        double s = 25 * wave;
        j = body(0, -0.8 * s, -0.8 * s + 15, 0.8 * s, 0.8 * s + 15, s, s - Math.max(0, -s) * 0.8,
            -s, -s - Math.max(0, s) * 0.8);
      }
      case SITTING -> {
        // The pelvis drops until the shins, hanging from horizontal thighs, just reach the ground.
        double drop = -(SHIN + 0.02) - PELVIS_Y;
        j = body(drop, 35, 80, 30, 75, 90, 0, 85, 0);
      }
      case LYING -> j = lying();
      default -> throw new IllegalArgumentException("humanoids cannot be " + pose.word());
    }
    if (handTarget != null && pose != Pose.LYING && pose != Pose.SITTING) {
      reach(j, handTarget);
    }
    return new Skeleton(j);
  }

  /** Builds a skeleton: dy lowers the upper body; then arm (upper, lower) and leg (thigh, shin) angles. */
  private static Map<Joint, Point2D.Double> body(double dy, double frontArm, double frontForearm,
      double backArm, double backForearm, double frontThigh, double frontShin, double backThigh,
      double backShin) {
    Map<Joint, Point2D.Double> j = new EnumMap<>(Joint.class);
    j.put(Joint.PELVIS, new Point2D.Double(0, PELVIS_Y + dy));
    j.put(Joint.NECK, new Point2D.Double(0, NECK_Y + dy));
    j.put(Joint.HEAD, new Point2D.Double(0, NECK_Y + dy - HEAD_RADIUS - 0.01));
    j.put(Joint.FRONT_SHOULDER, new Point2D.Double(SHOULDER_X, NECK_Y + dy + 0.03));
    j.put(Joint.BACK_SHOULDER, new Point2D.Double(-SHOULDER_X, NECK_Y + dy + 0.03));
    j.put(Joint.FRONT_HIP, new Point2D.Double(HIP_X, PELVIS_Y + dy));
    j.put(Joint.BACK_HIP, new Point2D.Double(-HIP_X, PELVIS_Y + dy));
    limb(j, Joint.FRONT_SHOULDER, Joint.FRONT_ELBOW, Joint.FRONT_HAND, frontArm, UPPER_ARM, frontForearm, FOREARM);
    limb(j, Joint.BACK_SHOULDER, Joint.BACK_ELBOW, Joint.BACK_HAND, backArm, UPPER_ARM, backForearm, FOREARM);
    limb(j, Joint.FRONT_HIP, Joint.FRONT_KNEE, Joint.FRONT_FOOT, frontThigh, THIGH, frontShin, SHIN);
    limb(j, Joint.BACK_HIP, Joint.BACK_KNEE, Joint.BACK_FOOT, backThigh, THIGH, backShin, SHIN);
    return j;
  }

  /** A standing body turned a quarter so the head points forward, resting on the ground. */
  private static Map<Joint, Point2D.Double> lying() {
    Map<Joint, Point2D.Double> up = body(0, 8, 4, -8, -4, 3, 3, -3, -3);
    Map<Joint, Point2D.Double> j = new EnumMap<>(Joint.class);
    // (x, y) -> (-y, x) maps "up" to "forward"; then centre the body and lift it onto the ground.
    up.forEach((k, p) -> j.put(k, new Point2D.Double(-p.y - 0.5, p.x - 0.09)));
    return j;
  }

  static void limb(Map<Joint, Point2D.Double> j, Joint root, Joint mid, Joint end, double a1, double l1,
      double a2, double l2) {
    Point2D.Double r = j.get(root);
    Point2D.Double m = new Point2D.Double(r.x + l1 * sin(a1), r.y + l1 * cos(a1));
    j.put(mid, m);
    j.put(end, new Point2D.Double(m.x + l2 * sin(a2), m.y + l2 * cos(a2)));
  }

  /** Two-bone reach: the arm on the target's side bends (elbow down) so its hand lands on the target. */
  private static void reach(Map<Joint, Point2D.Double> j, Point2D target) {
    boolean front = target.getX() >= 0;
    Point2D.Double s = j.get(front ? Joint.FRONT_SHOULDER : Joint.BACK_SHOULDER);
    double dx = target.getX() - s.x;
    double dy = target.getY() - s.y;
    double d = Math.hypot(dx, dy);
    if (d < 1e-9) {
      return;
    }
    double reach = UPPER_ARM + FOREARM;
    double dist = Math.max(Math.abs(UPPER_ARM - FOREARM) + 1e-6, Math.min(reach - 1e-6, d));
    double ux = dx / d;
    double uy = dy / d;
    double cosA = (UPPER_ARM * UPPER_ARM + dist * dist - FOREARM * FOREARM) / (2 * UPPER_ARM * dist);
    double a = StrictMath.acos(Math.max(-1, Math.min(1, cosA)));
    // Of the two elbow solutions pick the lower one, as a relaxed arm hangs.
    double e1x = s.x + UPPER_ARM * (ux * StrictMath.cos(a) - uy * StrictMath.sin(a));
    double e1y = s.y + UPPER_ARM * (ux * StrictMath.sin(a) + uy * StrictMath.cos(a));
    double e2x = s.x + UPPER_ARM * (ux * StrictMath.cos(-a) - uy * StrictMath.sin(-a));
    double e2y = s.y + UPPER_ARM * (ux * StrictMath.sin(-a) + uy * StrictMath.cos(-a));
    boolean first = e1y >= e2y;
    j.put(front ? Joint.FRONT_ELBOW : Joint.BACK_ELBOW, new Point2D.Double(first ? e1x : e2x, first ? e1y : e2y));
    j.put(front ? Joint.FRONT_HAND : Joint.BACK_HAND, new Point2D.Double(s.x + ux * dist, s.y + uy * dist));
  }

  static double sin(double degrees) {
    return StrictMath.sin(Math.toRadians(degrees));
  }

  static double cos(double degrees) {
    return StrictMath.cos(Math.toRadians(degrees));
  }
}
