package dev.crossnet.core.figureworld;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of figure; humanoids (person, robot) share one skeleton, four-legged animals (dog, cat) another,
 * and birds have their own.
 */
public enum FigureKind {
  PERSON("people", true),
  ROBOT("robots", true),
  DOG("dogs", false),
  CAT("cats", false),
  BIRD("birds", false);

  private static final Set<Pose> HUMANOID_POSES = EnumSet.of(Pose.STANDING, Pose.WAVING, Pose.CHEERING,
      Pose.POINTING, Pose.SITTING, Pose.LYING, Pose.WALKING);
  private static final Set<Pose> ANIMAL_POSES = EnumSet.of(Pose.STANDING, Pose.SITTING, Pose.LYING,
      Pose.WALKING, Pose.JUMPING);
  private static final Set<Pose> BIRD_POSES = EnumSet.of(Pose.STANDING, Pose.SITTING, Pose.WALKING, Pose.FLYING);

  private final String plural;
  private final boolean humanoid;

  FigureKind(String plural, boolean humanoid) {
    this.plural = plural;
    this.humanoid = humanoid;
  }

  /** The singular caption noun, e.g. {@code "robot"}. */
  public String noun() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The plural caption noun, e.g. {@code "people"}. */
  public String plural() {
    return plural;
  }

  /** Whether the figure stands on two legs and has arms (and so can wave, point or hold hands). */
  public boolean humanoid() {
    return humanoid;
  }

  /** The poses this kind can take, in declaration order. */
  public List<Pose> poses() {
    return List.copyOf(humanoid ? HUMANOID_POSES : this == BIRD ? BIRD_POSES : ANIMAL_POSES);
  }

  /**
   * This kind's version of a pose: the pose itself when the kind can take it, otherwise the nearest one
   * (arm gestures become standing for animals; jumping and flying become cheering for humanoids, each other
   * for animals and birds; lying becomes sitting for birds). Used when an edit swaps a figure for another
   * kind "in the same pose".
   */
  public Pose closest(Pose pose) {
    if (poses().contains(pose)) {
      return pose;
    }
    if (pose == Pose.JUMPING || pose == Pose.FLYING) {
      return humanoid ? Pose.CHEERING : this == BIRD ? Pose.FLYING : Pose.JUMPING;
    }
    return pose == Pose.LYING ? Pose.SITTING : Pose.STANDING;
  }

  /**
   * Whether this kind and {@code other} share a skeleton (humanoid, four-legged or bird), and so can take one
   * another's outline in the same pose.
   */
  public boolean sharesSkeleton(FigureKind other) {
    return humanoid == other.humanoid && fourLegged() == other.fourLegged();
  }

  /** The name of this kind's skeleton: {@code "humanoid"}, {@code "four-legged"} or {@code "bird"}. */
  public String skeleton() {
    return humanoid ? "humanoid" : fourLegged() ? "four-legged" : "bird";
  }

  /** The kind whose caption noun is {@code noun}, e.g. {@code "robot"}. */
  public static FigureKind ofNoun(String noun) {
    for (FigureKind k : values()) {
      if (k.noun().equals(noun)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + noun + "' is not a FigureWorld kind; known kinds: "
        + Arrays.stream(values()).map(FigureKind::noun).toList());
  }

  /** Whether this kind has four legs and a tail (dog, cat). */
  public boolean fourLegged() {
    return this == DOG || this == CAT;
  }
}
