package dev.crossnet.core.figureworld.reading;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much larger a FigureWorld subject is drawn than a region's occupant: the ratio of the heights that
 * FigureWorld gives the two sizes the bundled judge reads, the subject's from its pictures (as
 * {@link FigureWorldJudgeEncoder} reads them) and the occupant's from the bedrock (as
 * {@link FigureWorldPoseReader} does). 1 when both are of one size, 0.5 / 0.38 when a large subject replaces a
 * small occupant. Meaningful for FigureWorld pictures only.
 *
 * <pre>{@code
 * FigureWorldSizeRatio.Reading r = FigureWorldSizeRatio.read(subject, bedrock, region, manager);
 * }</pre>
 */
public final class FigureWorldSizeRatio {

  /**
   * One subject against one occupant.
   *
   * @param subjectSize the subject's size word
   * @param occupantSize the occupant's size word
   */
  public record Reading(String subjectSize, String occupantSize) {

    /** The subject's height over the occupant's, as FigureWorld draws the two sizes. */
    public double ratio() {
      return of(subjectSize, occupantSize);
    }
  }

  private FigureWorldSizeRatio() {}

  /** The ratio of the heights FigureWorld draws two sizes at, e.g. {@code of("large", "small")}. */
  public static double of(String subjectSize, String occupantSize) {
    return size(subjectSize).scale() / size(occupantSize).scale();
  }

  /**
   * Reads the subject's and the occupant's sizes with the bundled judge, loaded once for both.
   *
   * @param manager the judge's weights live in a child of it, closed before this returns
   * @throws IllegalArgumentException when the subject has no pictures or the region covers nothing
   */
  public static Reading read(Subject subject, Picture bedrock, Mask region, NDManager manager) {
    return BundledJudge.read(Optional.empty(), manager, judge -> read(subject, bedrock, region, judge, manager));
  }

  /**
   * Reads the subject's and the occupant's sizes with {@code judge} (the bundled FigureWorld judge, shared and
   * closed by the caller).
   *
   * @param manager where the readings' temporary arrays live
   * @throws IllegalArgumentException when the subject has no pictures or the region covers nothing
   */
  public static Reading read(Subject subject, Picture bedrock, Mask region, Judge judge, NDManager manager) {
    String occupantSize = new FigureWorldPoseReader(judge).read(bedrock, List.of(region), manager).get(0).size();
    return new Reading(subjectSize(subject, judge, manager), occupantSize);
  }

  /**
   * The subject's size word, the likeliest over its pictures as {@code judge} (the bundled FigureWorld judge) reads
   * them.
   *
   * @param manager where the reading's temporary arrays live
   * @throws IllegalArgumentException when the subject has no pictures
   */
  public static String subjectSize(Subject subject, Judge judge, NDManager manager) {
    return FigureWorldJudgeEncoder.likeliest(subject, judge, manager).get(FigureWorldJudge.SIZE);
  }

  private static Size size(String word) {
    try {
      return Size.valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + word + "' is not a FigureWorld size; known sizes: "
          + Arrays.stream(Size.values()).map(Size::word).toList(), e);
    }
  }
}
