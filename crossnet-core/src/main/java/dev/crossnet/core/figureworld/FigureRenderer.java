package dev.crossnet.core.figureworld;

import dev.crossnet.api.region.Region;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.Map;

/**
 * Draws one figure from its skeleton with thick strokes, every part outlined in a dark line so that figures
 * stay readable against any background at 64x64. Callers draw with antialiasing off, so every pixel is either
 * the figure's or not, which is what makes the masks exact.
 */
final class FigureRenderer {

  static final int OUTLINE = 0x202020;
  static final int SKIN = 0xF0C090;
  static final int TROUSERS = 0x3A4060;
  static final int METAL = 0x9098A0;
  static final int HAT = 0x7A4018;
  static final int VISOR = 0xB0F0FF;

  private FigureRenderer() {}

  /** Pixels per local unit for this figure in an image of this height. */
  static double unit(Figure f, Placement p, int height) {
    return f.appearance().size().scale() * p.depth() * height;
  }

  /** The skeleton in image pixels: local units scaled, mirrored when facing left, moved onto the ground point. */
  static Map<Joint, Point2D.Double> keypoints(Figure f, Placement p, double phase, int width, int height) {
    double u = unit(f, p, height);
    double sx = p.facingRight() ? u : -u;
    double ox = p.x() * width;
    double oy = p.y() * height;
    Point2D.Double target = null;
    Region.Point t = p.handTarget();
    if (t != null && f.kind().humanoid()) {
      target = new Point2D.Double((t.x() * width - ox) / sx, (t.y() * height - oy) / u);
    }
    Skeleton s = Skeleton.of(f.kind(), f.pose(), phase, target);
    Map<Joint, Point2D.Double> out = new EnumMap<>(Joint.class);
    s.joints().forEach((j, q) -> out.put(j, new Point2D.Double(ox + q.x * sx, oy + q.y * u)));
    return out;
  }

  /** Draws the figure and returns its keypoints in image pixels. */
  static Map<Joint, Point2D.Double> draw(Graphics2D g, Figure f, Placement p, double phase, int width, int height) {
    Map<Joint, Point2D.Double> k = keypoints(f, p, phase, width, height);
    Pen pen = new Pen(g, unit(f, p, height), p.facingRight());
    if (f.kind().humanoid()) {
      humanoid(pen, f, k);
    } else if (f.kind() == FigureKind.BIRD) {
      bird(pen, f, k);
    } else {
      animal(pen, f, k);
    }
    return k;
  }

  private static void humanoid(Pen pen, Figure f, Map<Joint, Point2D.Double> k) {
    boolean robot = f.kind() == FigureKind.ROBOT;
    int main = f.appearance().colour().rgb();
    int shade = f.appearance().colour().shade();
    int arm = robot ? METAL : main;
    int backArm = robot ? 0x70787F : shade;
    int leg = robot ? METAL : TROUSERS;
    int backLeg = robot ? 0x70787F : 0x2A2E48;
    pen.limb(k, Joint.BACK_SHOULDER, Joint.BACK_ELBOW, Joint.BACK_HAND, 0.075, backArm);
    pen.limb(k, Joint.BACK_HIP, Joint.BACK_KNEE, Joint.BACK_FOOT, 0.085, backLeg);
    pen.limb(k, Joint.FRONT_HIP, Joint.FRONT_KNEE, Joint.FRONT_FOOT, 0.085, leg);
    Point2D.Double neck = k.get(Joint.NECK);
    Point2D.Double pelvis = k.get(Joint.PELVIS);
    Point2D.Double head = k.get(Joint.HEAD);
    // Upright is 0; a lying figure's head accessories turn with its body.
    double tilt = StrictMath.atan2(neck.x - pelvis.x, pelvis.y - neck.y);
    // Turned a quarter, "forward" would point the face into the ground; a lying figure looks up instead.
    Pen face = Math.abs(tilt) > Math.PI / 4 ? new Pen(pen.g, pen.u, !pen.facingRight) : pen;
    if (robot) {
      pen.rotated(pelvis, tilt, q -> new Rectangle2D.Double(q.x - 0.11 * pen.u, q.y - 0.36 * pen.u, 0.22 * pen.u,
          0.38 * pen.u), main);
      pen.rotated(head, tilt, q -> new Rectangle2D.Double(q.x - 0.1 * pen.u, q.y - 0.1 * pen.u, 0.2 * pen.u,
          0.2 * pen.u), main);
      pen.rotatedFillOnly(head, tilt, q -> new Rectangle2D.Double(q.x + face.dir(0.01) - (face.facingRight ? 0 : 0.08)
          * pen.u, q.y - 0.05 * pen.u, 0.08 * pen.u, 0.05 * pen.u), VISOR);
      pen.rotated(head, tilt, q -> new Line2D.Double(q.x, q.y - 0.1 * pen.u, q.x, q.y - 0.2 * pen.u), METAL, 0.04);
    } else {
      pen.line(neck, pelvis, 0.17, main, BasicStroke.CAP_ROUND);
      pen.disc(head, HumanoidKinematics.HEAD_RADIUS, SKIN);
      // A nose bump and an eye on the facing side make the direction readable even in a 64 px scene.
      pen.rotated(head, tilt, q -> new Ellipse2D.Double(q.x + face.dir(0.085) - 0.035 * pen.u, q.y - 0.005 * pen.u,
          0.07 * pen.u, 0.06 * pen.u), SKIN);
      pen.rotatedFillOnly(head, tilt, q -> new Rectangle2D.Double(q.x + face.dir(0.045) - 0.02 * pen.u,
          q.y - 0.04 * pen.u, Math.max(1, 0.04 * pen.u), Math.max(1, 0.04 * pen.u)), OUTLINE);
    }
    if (f.appearance().hat()) {
      pen.rotated(head, tilt, q -> hat(q, pen.u, robot ? 0.1 : HumanoidKinematics.HEAD_RADIUS), HAT);
    }
    pen.limb(k, Joint.FRONT_SHOULDER, Joint.FRONT_ELBOW, Joint.FRONT_HAND, 0.075, arm);
    pen.disc(k.get(Joint.FRONT_HAND), 0.045, robot ? METAL : SKIN);
  }

  private static Shape hat(Point2D.Double head, double u, double radius) {
    Path2D.Double s = new Path2D.Double();
    double top = head.y - radius * u;
    s.moveTo(head.x - 0.15 * u, top + 0.01 * u);
    s.lineTo(head.x + 0.15 * u, top + 0.01 * u);
    s.lineTo(head.x + 0.15 * u, top - 0.03 * u);
    s.lineTo(head.x + 0.08 * u, top - 0.03 * u);
    s.lineTo(head.x + 0.08 * u, top - 0.14 * u);
    s.lineTo(head.x - 0.08 * u, top - 0.14 * u);
    s.lineTo(head.x - 0.08 * u, top - 0.03 * u);
    s.lineTo(head.x - 0.15 * u, top - 0.03 * u);
    s.closePath();
    return s;
  }

  private static void animal(Pen pen, Figure f, Map<Joint, Point2D.Double> k) {
    boolean cat = f.kind() == FigureKind.CAT;
    double size = cat ? 0.85 : 1.0;
    int main = f.appearance().colour().rgb();
    int shade = f.appearance().colour().shade();
    double legWidth = (cat ? 0.065 : 0.08) * size;
    pen.limb(k, Joint.NECK, Joint.FAR_FORE_KNEE, Joint.FAR_FORE_PAW, legWidth, shade);
    pen.limb(k, Joint.PELVIS, Joint.FAR_HIND_KNEE, Joint.FAR_HIND_PAW, legWidth, shade);
    Point2D.Double hip = k.get(Joint.PELVIS);
    Point2D.Double tail = k.get(Joint.TAIL_TIP);
    if (cat) {
      // A long thin tail curling up: a second segment continues above the tip.
      Point2D.Double tip2 = new Point2D.Double(tail.x + (tail.x - hip.x) * 0.3, tail.y - pen.u * 0.14);
      pen.line(hip, tail, 0.05, main, BasicStroke.CAP_ROUND);
      pen.line(tail, tip2, 0.05, main, BasicStroke.CAP_ROUND);
    } else {
      pen.line(hip, tail, 0.075, main, BasicStroke.CAP_ROUND);
    }
    Point2D.Double neck = k.get(Joint.NECK);
    Point2D.Double head = k.get(Joint.HEAD);
    pen.line(hip, neck, (cat ? 0.16 : 0.21) * size, main, BasicStroke.CAP_ROUND);
    pen.limb(k, Joint.NECK, Joint.FORE_KNEE, Joint.FORE_PAW, legWidth, main);
    pen.limb(k, Joint.PELVIS, Joint.HIND_KNEE, Joint.HIND_PAW, legWidth, main);
    pen.line(neck, head, 0.1 * size, main, BasicStroke.CAP_ROUND);
    if (cat) {
      double r = 0.1 * size;
      pen.polygon(main, head.x + pen.dir(-0.09 * size), head.y - 0.03 * pen.u, head.x + pen.dir(-0.07 * size),
          head.y - 0.17 * pen.u, head.x + pen.dir(0.0), head.y - 0.07 * pen.u);
      pen.polygon(main, head.x + pen.dir(0.09 * size), head.y - 0.03 * pen.u, head.x + pen.dir(0.07 * size),
          head.y - 0.17 * pen.u, head.x + pen.dir(0.0), head.y - 0.07 * pen.u);
      pen.disc(head, r, main);
    } else {
      pen.line(head, k.get(Joint.NOSE), 0.1, main, BasicStroke.CAP_ROUND);
      pen.disc(head, 0.11, main);
      // A floppy ear hanging behind the eye.
      pen.line(new Point2D.Double(head.x + pen.dir(-0.03), head.y - 0.07 * pen.u),
          new Point2D.Double(head.x + pen.dir(-0.07), head.y + 0.05 * pen.u), 0.06, shade, BasicStroke.CAP_ROUND);
      Point2D.Double nose = k.get(Joint.NOSE);
      pen.fillOnly(new Rectangle2D.Double(nose.x - Math.max(1, 0.02 * pen.u), nose.y - Math.max(1, 0.02 * pen.u),
          Math.max(1, 0.04 * pen.u), Math.max(1, 0.04 * pen.u)), OUTLINE);
    }
    pen.fillOnly(new Rectangle2D.Double(head.x + pen.dir(0.04) - 0.02 * pen.u, head.y - 0.05 * pen.u,
        Math.max(1, 0.04 * pen.u), Math.max(1, 0.04 * pen.u)), main == Colour.BLACK.rgb() ? 0xF0F0F0 : OUTLINE);
    if (f.appearance().hat()) {
      pen.fill(hat(new Point2D.Double(head.x, head.y), pen.u * 0.8, 0.12), HAT);
    }
  }

  private static void bird(Pen pen, Figure f, Map<Joint, Point2D.Double> k) {
    double s = BirdKinematics.SCALE;
    int main = f.appearance().colour().rgb();
    int shade = f.appearance().colour().shade();
    Point2D.Double hip = k.get(Joint.PELVIS);
    Point2D.Double neck = k.get(Joint.NECK);
    Point2D.Double head = k.get(Joint.HEAD);
    Point2D.Double belly = new Point2D.Double((hip.x + neck.x) / 2, (hip.y + neck.y) / 2 + 0.04 * s * pen.u);
    Point2D.Double back = new Point2D.Double((hip.x + neck.x) / 2, (hip.y + neck.y) / 2 - 0.02 * s * pen.u);
    pen.line(belly, k.get(Joint.BACK_FOOT), 0.03 * s, 0x505050, BasicStroke.CAP_BUTT);
    pen.line(belly, k.get(Joint.FRONT_FOOT), 0.03 * s, 0x505050, BasicStroke.CAP_BUTT);
    pen.line(hip, k.get(Joint.TAIL_TIP), 0.08 * s, shade, BasicStroke.CAP_ROUND);
    pen.line(hip, neck, 0.16 * s, main, BasicStroke.CAP_ROUND);
    Point2D.Double nose = k.get(Joint.NOSE);
    pen.polygon(0xE09000, head.x + pen.dir(0.03 * s), head.y - 0.035 * s * pen.u, nose.x, nose.y,
        head.x + pen.dir(0.03 * s), head.y + 0.035 * s * pen.u);
    pen.disc(head, 0.07 * s, main);
    pen.fillOnly(new Rectangle2D.Double(head.x + pen.dir(0.025 * s) - 0.015 * s * pen.u,
        head.y - 0.03 * s * pen.u, Math.max(1, 0.03 * s * pen.u), Math.max(1, 0.03 * s * pen.u)),
        main == Colour.BLACK.rgb() ? 0xF0F0F0 : OUTLINE);
    pen.line(back, k.get(Joint.WING_TIP), 0.08 * s, shade, BasicStroke.CAP_ROUND);
    if (f.appearance().hat()) {
      pen.fill(hat(new Point2D.Double(head.x, head.y), pen.u * 0.6, 0.1), HAT);
    }
  }
}
