package dev.crossnet.core.figureworld;

/**
 * What kind of scenes {@link SceneGenerator} makes. Immutable; each {@code with...} returns a changed copy.
 *
 * <pre>{@code
 * SceneOptions o = SceneOptions.defaults().withSize(128, 128).withFigures(2, 2).withSplit(Split.TRAIN);
 * }</pre>
 *
 * @param width image width in pixels (default 64)
 * @param height image height in pixels (default 64)
 * @param minFigures fewest figures per scene, at least 1 (default 1)
 * @param maxFigures most figures per scene, at most 4 (default 4)
 * @param split only scenes of this split, or null for either (default null)
 * @param relationChance chance that a scene has a relation (default 0.6)
 * @param figureScale how large figures are drawn, as a multiple of their size's height share (default 1: a
 *     standing person of {@link Size#SMALL} is 0.38 of the image height); in (0, 2]
 */
public record SceneOptions(int width, int height, int minFigures, int maxFigures, Split split,
    double relationChance, double figureScale) {

  /** The figure scale of {@link #mainSubject()}: a small standing person fills 0.68 of the frame's height. */
  static final double MAIN_SUBJECT_SCALE = 1.8;

  public SceneOptions {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("scene size must be positive, got " + width + "x" + height);
    }
    if (minFigures < 1 || maxFigures > 4 || minFigures > maxFigures) {
      throw new IllegalArgumentException("figures per scene must satisfy 1 <= min <= max <= 4, got min "
          + minFigures + ", max " + maxFigures);
    }
    if (!(relationChance >= 0 && relationChance <= 1)) {
      throw new IllegalArgumentException("relationChance must lie in [0, 1], got " + relationChance);
    }
    if (!(figureScale > 0 && figureScale <= 2)) {
      throw new IllegalArgumentException("figureScale must lie in (0, 2], got " + figureScale);
    }
  }

  /** 64x64, 1 to 4 figures, either split, relations in 60% of scenes. */
  public static SceneOptions defaults() {
    return new SceneOptions(64, 64, 1, 4, null, 0.6, 1);
  }

  /**
   * Scenes where the figures are the main subject: 128x128, 1 to 3 figures drawn {@value #MAIN_SUBJECT_SCALE}
   * times as large as in {@link #defaults()}, either split, relations in 60% of scenes.
   */
  public static SceneOptions mainSubject() {
    return new SceneOptions(128, 128, 1, 3, null, 0.6, MAIN_SUBJECT_SCALE);
  }

  public SceneOptions withSize(int w, int h) {
    return new SceneOptions(w, h, minFigures, maxFigures, split, relationChance, figureScale);
  }

  public SceneOptions withFigures(int min, int max) {
    return new SceneOptions(width, height, min, max, split, relationChance, figureScale);
  }

  /** Only scenes of this split; null for either. */
  public SceneOptions withSplit(Split s) {
    return new SceneOptions(width, height, minFigures, maxFigures, s, relationChance, figureScale);
  }

  public SceneOptions withRelationChance(double chance) {
    return new SceneOptions(width, height, minFigures, maxFigures, split, chance, figureScale);
  }

  public SceneOptions withFigureScale(double scale) {
    return new SceneOptions(width, height, minFigures, maxFigures, split, relationChance, scale);
  }
}
