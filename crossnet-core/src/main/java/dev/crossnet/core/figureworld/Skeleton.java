package dev.crossnet.core.figureworld;

import java.awt.geom.Point2D;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Joint positions of one figure in its own units: the origin is on the ground under the figure, x points the
 * way it faces, y points down, and 1 unit is the height of a standing humanoid of the figure's size.
 */
public final class Skeleton {

  private final Map<Joint, Point2D.Double> joints;

  Skeleton(Map<Joint, Point2D.Double> joints) {
    this.joints = Collections.unmodifiableMap(new EnumMap<>(joints));
  }

  /**
   * The skeleton of a kind in a pose.
   *
   * @param phase where in the pose's cycle (walking stride, waving hand) the figure is, in [0, 1)
   * @param handTarget where one hand must reach (local units), or null; only humanoids use it, for
   *     holding hands
   */
  public static Skeleton of(FigureKind kind, Pose pose, double phase, Point2D handTarget) {
    if (!kind.poses().contains(pose)) {
      throw new IllegalArgumentException("a " + kind.noun() + " cannot be " + pose.word() + "; use one of "
          + kind.poses());
    }
    if (kind.humanoid()) {
      return HumanoidKinematics.pose(pose, phase, handTarget);
    }
    return kind == FigureKind.BIRD ? BirdKinematics.pose(pose, phase) : AnimalKinematics.pose(kind, pose, phase);
  }

  /** The joints this skeleton has, in local units (unmodifiable). */
  public Map<Joint, Point2D.Double> joints() {
    return joints;
  }

  /** One joint's position; fails naming the joints present when this skeleton lacks it. */
  public Point2D.Double joint(Joint joint) {
    Point2D.Double p = joints.get(joint);
    if (p == null) {
      throw new IllegalArgumentException("this skeleton has no " + joint + "; it has " + joints.keySet());
    }
    return p;
  }
}
