package dev.crossnet.core.figureworld.reading;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FocusMasks;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeReading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a region's occupant is doing through the bundled FigureWorld judge: the judge reads the bedrock
 * about the box around each region (the focus it was trained with) and answers with a FigureWorld pose word,
 * e.g. {@code "waving"}. It is the occupant-side twin of {@link FigureWorldJudgeEncoder}: the edit's motion
 * branch places the word after the subject's word, so that the prompt asks for the pose the bedrock's latent
 * carries. It reads the occupant's size and kind too, which the motion branch compares with the subject's. Meaningful for
 * FigureWorld pictures only.
 *
 * <pre>{@code
 * List<FigureWorldPoseReader.Reading> poses = new FigureWorldPoseReader().read(bedrock, List.of(region), manager);
 * }</pre>
 */
public final class FigureWorldPoseReader {

  /**
   * The pose read in one region.
   *
   * @param word the pose's caption word
   * @param probability the judge's probability for it
   * @param size the occupant's size word as the judge reads it ("small" or "large")
   * @param kind the occupant's kind noun as the judge reads it, e.g. "robot"
   */
  public record Reading(String word, double probability, String size, String kind) {}

  private final Optional<Judge> judge;

  /** A reader that loads the bundled judge for each reading. */
  public FigureWorldPoseReader() {
    this.judge = Optional.empty();
  }

  /** A reader that reads with {@code judge} (the bundled FigureWorld judge, shared and closed by the caller). */
  public FigureWorldPoseReader(Judge judge) {
    this.judge = Optional.of(judge);
  }

  /** Every pose word the reader may answer with. */
  public static List<String> words() {
    return FigureWorldJudge.heads().stream().filter(h -> h.name().equals(FigureWorldJudge.POSE)).findFirst()
        .orElseThrow().classes();
  }

  /**
   * Reads the occupant of each region.
   *
   * @param manager without a shared judge, the judge's weights live in a child of it, closed before this returns
   * @throws IllegalArgumentException when a region is empty or of another size than the bedrock
   */
  public List<Reading> read(Picture bedrock, List<Mask> regions, NDManager manager) {
    List<Mask> focus = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      Mask region = regions.get(i);
      if (region.width() != bedrock.width() || region.height() != bedrock.height()) {
        throw new IllegalArgumentException("region " + i + " is " + region.width() + "x" + region.height()
            + " but the bedrock is " + bedrock.width() + "x" + bedrock.height()
            + "; give masks of the bedrock's size");
      }
      if (region.bounds().isEmpty()) {
        throw new IllegalArgumentException("region " + i + " covers nothing, so there is no occupant to read");
      }
      focus.add(FocusMasks.around(region, 0));
    }
    List<JudgeReading> readings = BundledJudge.read(judge, manager,
        j -> j.readAll(Collections.nCopies(regions.size(), bedrock), focus));
    List<Reading> out = new ArrayList<>();
    for (JudgeReading r : readings) {
      out.add(new Reading(r.answer(FigureWorldJudge.POSE), r.confidence().get(FigureWorldJudge.POSE),
          r.answer(FigureWorldJudge.SIZE), r.answer(FigureWorldJudge.KIND)));
    }
    return out;
  }
}
