package dev.crossnet.core.figureworld;

import java.util.List;

/**
 * Which side of the held-out split a scene falls on. The rule is explicit and fixed, so a model trained on
 * {@link #TRAIN} scenes has never seen these combinations, and its captions never mention them:
 *
 * <ul>
 *   <li>purple robots (any pose, size or hat),
 *   <li>dogs lying (any colour, size or hat),
 *   <li>a person holding hands with a robot (either way round).
 * </ul>
 *
 * <p>A scene is {@link #HELD_OUT} when any of its figures or relations matches a rule, else {@link #TRAIN}.
 * Each part (purple, robot, dog, lying, holding hands) does appear in training; only the combinations do not.
 * Asked for {@code TRAIN}, {@link SceneGenerator} redraws any held-out figure or pair; asked for {@code
 * HELD_OUT}, it builds each scene around one rule picked at random (the hands rule only with two or more
 * figures). Ideal edits may create held-out combinations: they are the yardstick, not training data.
 */
public enum Split {
  TRAIN,
  HELD_OUT;

  /** The held-out rules in words, for reports and documentation. */
  public static final List<String> RULES = List.of("purple robot", "dog lying", "person holding hands with robot");

  /** The split a scene layout belongs to. */
  public static Split of(SceneLayout layout) {
    for (PlacedFigure f : layout.figures()) {
      if (heldOut(f.figure())) {
        return HELD_OUT;
      }
    }
    for (Relation r : layout.relations()) {
      if (r.type() == RelationType.HOLDING_HANDS && heldOutPair(layout.figures().get(r.subject()).figure().kind(),
          layout.figures().get(r.target()).figure().kind())) {
        return HELD_OUT;
      }
    }
    return TRAIN;
  }

  /** Whether this figure on its own is a held-out combination. */
  public static boolean heldOut(Figure f) {
    return (f.kind() == FigureKind.ROBOT && f.appearance().colour() == Colour.PURPLE)
        || (f.kind() == FigureKind.DOG && f.pose() == Pose.LYING);
  }

  /** Whether two kinds holding hands is a held-out combination. */
  public static boolean heldOutPair(FigureKind a, FigureKind b) {
    return (a == FigureKind.PERSON && b == FigureKind.ROBOT) || (a == FigureKind.ROBOT && b == FigureKind.PERSON);
  }
}
