package dev.crossnet.core.figureworld;

import java.awt.geom.Point2D;
import java.util.EnumMap;
import java.util.Map;

/** Computes bird joint positions: a short body, a head with a beak, a wing, a tail and two thin legs. */
final class BirdKinematics {

  /** Birds are drawn larger than life so that a small bird still covers enough pixels at 64x64. */
  static final double SCALE = 1.3;

  private BirdKinematics() {}

  static Skeleton pose(Pose pose, double phase) {
    double wave = StrictMath.sin(2 * Math.PI * (phase + 0.25));
    Map<Joint, Point2D.Double> j = new EnumMap<>(Joint.class);
    double lift = switch (pose) {
      case STANDING, WALKING -> 0;
      case SITTING -> -0.09;
      case FLYING -> 0.3;
      default -> throw new IllegalArgumentException("birds cannot be " + pose.word());
    };
    double bodyY = -0.22 - lift;
    j.put(Joint.PELVIS, new Point2D.Double(-0.09, bodyY + 0.02));
    j.put(Joint.NECK, new Point2D.Double(0.07, bodyY - 0.02));
    j.put(Joint.HEAD, new Point2D.Double(0.12, bodyY - 0.1));
    j.put(Joint.NOSE, new Point2D.Double(0.21, bodyY - 0.09));
    j.put(Joint.TAIL_TIP, new Point2D.Double(-0.22, bodyY - 0.04));
    if (pose == Pose.FLYING) {
      // The wing beats once per cycle, from well above the back to below the belly.
      j.put(Joint.WING_TIP, new Point2D.Double(-0.04, bodyY - 0.04 - 0.2 * wave));
      j.put(Joint.FRONT_FOOT, new Point2D.Double(-0.1, bodyY + 0.08));
      j.put(Joint.BACK_FOOT, new Point2D.Double(-0.13, bodyY + 0.07));
    } else {
      j.put(Joint.WING_TIP, new Point2D.Double(-0.14, bodyY + 0.0));
      double step = pose == Pose.WALKING ? 0.05 * wave : 0.02;
      double footY = pose == Pose.SITTING ? bodyY + 0.08 : 0;
      j.put(Joint.FRONT_FOOT, new Point2D.Double(step, footY));
      j.put(Joint.BACK_FOOT, new Point2D.Double(-step, footY));
    }
    Map<Joint, Point2D.Double> scaled = new EnumMap<>(Joint.class);
    j.forEach((joint, p) -> scaled.put(joint, new Point2D.Double(p.x * SCALE, p.y * SCALE)));
    return new Skeleton(scaled);
  }
}
