package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Point2D;
import org.junit.jupiter.api.Test;

class FigureSkeletonTest {

  private static Skeleton of(FigureKind k, Pose p) {
    return Skeleton.of(k, p, 0, null);
  }

  @Test
  void aWavingHandIsAboveTheHead() {
    Skeleton s = of(FigureKind.PERSON, Pose.WAVING);
    assertThat(s.joint(Joint.FRONT_HAND).y).isLessThan(s.joint(Joint.NECK).y);
  }

  @Test
  void cheeringRaisesBothHands() {
    Skeleton s = of(FigureKind.ROBOT, Pose.CHEERING);
    assertThat(s.joint(Joint.FRONT_HAND).y).isLessThan(s.joint(Joint.HEAD).y);
    assertThat(s.joint(Joint.BACK_HAND).y).isLessThan(s.joint(Joint.HEAD).y);
  }

  @Test
  void aPointingArmIsHorizontalAndForward() {
    Skeleton s = of(FigureKind.PERSON, Pose.POINTING);
    Point2D.Double shoulder = s.joint(Joint.FRONT_SHOULDER);
    Point2D.Double hand = s.joint(Joint.FRONT_HAND);
    assertThat(hand.x - shoulder.x).isGreaterThan(0.25);
    assertThat(Math.abs(hand.y - shoulder.y)).isLessThan(0.02);
  }

  @Test
  void aLyingPersonIsWiderThanTall() {
    Skeleton s = of(FigureKind.PERSON, Pose.LYING);
    double width = Math.abs(s.joint(Joint.HEAD).x - s.joint(Joint.FRONT_FOOT).x);
    double height = Math.abs(s.joint(Joint.HEAD).y - s.joint(Joint.FRONT_FOOT).y);
    assertThat(width).isGreaterThan(3 * height);
  }

  @Test
  void sittingLowersThePelvis() {
    assertThat(of(FigureKind.PERSON, Pose.SITTING).joint(Joint.PELVIS).y)
        .isGreaterThan(of(FigureKind.PERSON, Pose.STANDING).joint(Joint.PELVIS).y + 0.1);
  }

  @Test
  void animalsStandOnFourFeetWithTheHeadAhead() {
    Skeleton s = of(FigureKind.DOG, Pose.STANDING);
    for (Joint paw : new Joint[] {Joint.FORE_PAW, Joint.FAR_FORE_PAW, Joint.HIND_PAW, Joint.FAR_HIND_PAW}) {
      assertThat(s.joint(paw).y).isCloseTo(0, org.assertj.core.data.Offset.offset(0.02));
    }
    assertThat(s.joint(Joint.HEAD).x).isGreaterThan(s.joint(Joint.NECK).x);
    assertThat(s.joint(Joint.TAIL_TIP).x).isLessThan(s.joint(Joint.PELVIS).x);
  }

  @Test
  void aJumpingAnimalLeavesTheGround() {
    Skeleton s = of(FigureKind.CAT, Pose.JUMPING);
    assertThat(s.joint(Joint.HIND_PAW).y).isLessThan(-0.05);
  }

  @Test
  void aFlyingBirdIsOffTheGroundAndFlapsItsWing() {
    Skeleton down = Skeleton.of(FigureKind.BIRD, Pose.FLYING, 0.5, null);
    Skeleton up = Skeleton.of(FigureKind.BIRD, Pose.FLYING, 0, null);
    assertThat(up.joint(Joint.FRONT_FOOT).y).isLessThan(-0.2);
    assertThat(up.joint(Joint.WING_TIP).y).isLessThan(down.joint(Joint.WING_TIP).y - 0.2);
  }

  @Test
  void aSwappedKindTakesItsClosestPose() {
    assertThat(FigureKind.BIRD.closest(Pose.LYING)).isEqualTo(Pose.SITTING);
    assertThat(FigureKind.DOG.closest(Pose.FLYING)).isEqualTo(Pose.JUMPING);
    assertThat(FigureKind.PERSON.closest(Pose.JUMPING)).isEqualTo(Pose.CHEERING);
    assertThat(FigureKind.CAT.closest(Pose.POINTING)).isEqualTo(Pose.STANDING);
    for (FigureKind k : FigureKind.values()) {
      for (Pose p : Pose.values()) {
        assertThat(k.poses()).contains(k.closest(p));
      }
    }
  }

  @Test
  void holdingHandsPutsTheHandOnTheTarget() {
    Point2D.Double target = new Point2D.Double(0.2, -0.62);
    Skeleton s = Skeleton.of(FigureKind.PERSON, Pose.STANDING, 0, target);
    assertThat(s.joint(Joint.FRONT_HAND).distance(target)).isLessThan(1e-6);
  }

  @Test
  void aPoseTheKindCannotTakeIsRejectedWithTheAlternatives() {
    assertThatThrownBy(() -> new Figure(FigureKind.DOG, new Appearance(Colour.RED, false, Size.SMALL), Pose.WAVING))
        .hasMessageContaining("cannot be waving").hasMessageContaining("closest");
  }

  @Test
  void aMissingJointIsNamedWithTheJointsPresent() {
    assertThatThrownBy(() -> of(FigureKind.DOG, Pose.STANDING).joint(Joint.FRONT_HAND))
        .hasMessageContaining("FRONT_HAND").hasMessageContaining("TAIL_TIP");
  }

  @Test
  void joinedHandsMeetInARenderedScene() {
    Scene s = SceneIdealEditTest.handsScene();
    FigureTruth a = s.figures().get(0);
    FigureTruth b = s.figures().get(1);
    double best = Double.MAX_VALUE;
    for (Joint ha : new Joint[] {Joint.FRONT_HAND, Joint.BACK_HAND}) {
      for (Joint hb : new Joint[] {Joint.FRONT_HAND, Joint.BACK_HAND}) {
        double d = Math.hypot(a.keypoints().get(ha).x() - b.keypoints().get(hb).x(),
            a.keypoints().get(ha).y() - b.keypoints().get(hb).y());
        best = Math.min(best, d);
      }
    }
    assertThat(best).isLessThan(1.5);
  }
}
