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
 */
public record SceneOptions(int width, int height, int minFigures, int maxFigures, Split split,
    double relationChance) {

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
  }

  /** 64x64, 1 to 4 figures, either split, relations in 60% of scenes. */
  public static SceneOptions defaults() {
    return new SceneOptions(64, 64, 1, 4, null, 0.6);
  }

  public SceneOptions withSize(int w, int h) {
    return new SceneOptions(w, h, minFigures, maxFigures, split, relationChance);
  }

  public SceneOptions withFigures(int min, int max) {
    return new SceneOptions(width, height, min, max, split, relationChance);
  }

  /** Only scenes of this split; null for either. */
  public SceneOptions withSplit(Split s) {
    return new SceneOptions(width, height, minFigures, maxFigures, s, relationChance);
  }

  public SceneOptions withRelationChance(double chance) {
    return new SceneOptions(width, height, minFigures, maxFigures, split, chance);
  }
}
