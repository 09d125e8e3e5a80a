package dev.crossnet.examples.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.Caption;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.judge.FigureWorldJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One replacement taken from a FigureWorld scene: figure {@code occupant} takes the look of figure
 * {@code donor}. The subject is the donor as seen in the scene (the scene's picture, masked to the donor);
 * the ideal result is the scene re-rendered with only the occupant's description changed.
 *
 * @param text the ideal result's figure described in words, the donor's look in the occupant's pose (for the
 *     text-prompted baselines)
 * @param pose the occupant's pose word (which the ideal result keeps)
 * @param donorPose the donor's pose word (what the subject's picture shows)
 * @param occupantKind the occupant's kind noun (what the region held), empty when the donor is of the same kind
 * @param caption the ideal result's whole caption (every figure and the background)
 * @param others the scene's other figures and background in words, each figure's phrase after "and"
 * @param idealTruth every judge head's true class index for the ideal result's edited figure, as
 *     {@link FigureWorldJudge#labels} gives them
 */
record SceneCase(Scene scene, int occupant, int donor, Mask region, Subject subject, Picture ideal, String text,
    String pose, String donorPose, String occupantKind, String caption, String others, int[] idealTruth) {

  /** The fewest visible pixels a further picture of the subject must show of it. */
  private static final int MIN_VISIBLE = 40;

  /** The case, or empty when the region would cover nothing or everything (the API refuses those). */
  static Optional<SceneCase> of(Scene scene, int occupant, int donor, String word) {
    if (scene.figures().size() <= Math.max(occupant, donor)) {
      return Optional.empty();
    }
    IdealEdit ideal = scene.idealEditLike(occupant, donor);
    double coverage = ideal.region().coverage();
    FigureTruth d = scene.figures().get(donor);
    if (coverage == 0 || coverage == 1 || d.visiblePixels() == 0) {
      return Optional.empty();
    }
    Subject subject = Subject.of(word, scene.picture()).withMasks(d.mask());
    Figure wanted = ideal.edited().figures().get(occupant).figure();
    Figure old = scene.figures().get(occupant).figure();
    return Optional.of(new SceneCase(scene, occupant, donor, ideal.region(), subject, ideal.edited().picture(),
        Caption.phrase(wanted, 1), wanted.pose().word(), d.figure().pose().word(),
        old.kind() == d.figure().kind() ? "" : old.kind().noun(), ideal.edited().caption(),
        others(scene, occupant), FigureWorldJudge.labels(ideal.edited(), occupant)));
  }

  /** How the subject (the donor's kind) relates to the occupant's kind. */
  Pairing pairing() {
    return Pairing.of(scene.figures().get(occupant).figure().kind(), scene.figures().get(donor).figure().kind());
  }

  /** The scene's background in words, e.g. "on a beach". */
  String background() {
    return scene.layout().background().phrase();
  }

  /** The scene's other figures and its background in words, e.g. "and a small red cat sitting in a park". */
  private static String others(Scene scene, int occupant) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < scene.figures().size(); i++) {
      if (i != occupant) {
        s.append("and ").append(Caption.phrase(scene.figures().get(i).figure(), 1)).append(' ');
      }
    }
    return s.append(scene.layout().background().phrase()).toString();
  }

  /**
   * This case with a subject of {@code count} pictures: the donor as seen in the scene, then the donor's kind and
   * look put in place of figure 0 of further held-out scenes (each in that figure's own pose), each masked to the
   * donor; scenes whose figure 0 shows too little are skipped.
   *
   * @param world where the further scenes come from
   * @param firstSeed the seed of the first further scene
   */
  SceneCase withSubjectPictures(int count, SceneGenerator world, long firstSeed) {
    if (count < 1) {
      throw new IllegalArgumentException("a subject needs at least 1 picture, got " + count);
    }
    Figure look = scene.figures().get(donor).figure();
    List<Picture> pictures = new ArrayList<>(List.of(subject.pictures().get(0)));
    List<Mask> masks = new ArrayList<>(List.of(subject.masks().get(0).orElseThrow()));
    for (long s = firstSeed; pictures.size() < count; s++) {
      Scene edited = world.generate(s).idealEdit(0, look.kind(), look.appearance()).edited();
      FigureTruth f = edited.figures().get(0);
      if (f.visiblePixels() > MIN_VISIBLE) {
        pictures.add(edited.picture());
        masks.add(f.mask());
      }
    }
    Subject many = Subject.of(subject.word(), pictures).withMasks(masks.toArray(Mask[]::new));
    return new SceneCase(scene, occupant, donor, region, many, ideal, text, pose, donorPose, occupantKind, caption,
        others, idealTruth);
  }
}
