package dev.crossnet.examples.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.FocusMasks;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeHead;
import dev.crossnet.core.judge.JudgeReading;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether the FigureWorld judge reads the same subject in an edit's region as in the ideal edit's: once for
 * the subject's look (kind, colour, hat, size) and once for the occupant's pose. The judge is asked about the
 * region's bounding box, as it was trained, not about the region itself: a region cut along the occupant's
 * silhouette would tell it the pose whatever the region holds. (The box's shape still hints at kind and pose;
 * the benchmark's grey-region control row measures how much.)
 *
 * @param appearance 1 when every appearance answer agrees, else 0
 * @param kind 1 when the kind answers agree, else 0 (a part of the look, reported on its own)
 * @param colour 1 when the colour answers agree, else 0 (a part of the look, reported on its own)
 * @param hat 1 when the hat answers agree, else 0 (a part of the look)
 * @param size 1 when the size answers agree, else 0 (a part of the look)
 * @param pose 1 when the pose answers agree, else 0
 */
public record JudgeAgreement(double appearance, double kind, double colour, double hat, double size, double pose) {

  private static final List<String> APPEARANCE = List.of(FigureWorldJudge.KIND, FigureWorldJudge.COLOUR,
      FigureWorldJudge.HAT, FigureWorldJudge.SIZE);

  public static JudgeAgreement of(Judge judge, Picture result, Picture ideal, Mask region) {
    Mask box = FocusMasks.around(region, 0);
    JudgeReading got = judge.read(result, box);
    JudgeReading want = judge.read(ideal, box);
    boolean look = APPEARANCE.stream().allMatch(h -> same(got, want, h));
    return new JudgeAgreement(agree(look), agree(same(got, want, FigureWorldJudge.KIND)),
        agree(same(got, want, FigureWorldJudge.COLOUR)), agree(same(got, want, FigureWorldJudge.HAT)),
        agree(same(got, want, FigureWorldJudge.SIZE)), agree(same(got, want, FigureWorldJudge.POSE)));
  }

  /**
   * Whether the judge, asked about the region's bounding box as {@link #of} asks, reads {@code picture} as what it
   * truly shows: {@code truth} holds every head's true class index, as {@link FigureWorldJudge#labels} gives them.
   * On the ideal edit this measures the judge itself: how often the answers that {@link #of} compares against are
   * right.
   */
  public static JudgeAgreement againstTruth(Judge judge, Picture picture, Mask region, int[] truth) {
    JudgeReading got = judge.read(picture, FocusMasks.around(region, 0));
    boolean look = APPEARANCE.stream().allMatch(h -> right(got, h, truth));
    return new JudgeAgreement(agree(look), agree(right(got, FigureWorldJudge.KIND, truth)),
        agree(right(got, FigureWorldJudge.COLOUR, truth)), agree(right(got, FigureWorldJudge.HAT, truth)),
        agree(right(got, FigureWorldJudge.SIZE, truth)), agree(right(got, FigureWorldJudge.POSE, truth)));
  }

  /** Every part's share of agreements over {@code agreements} (zeros when there are none). */
  public static JudgeAgreement mean(List<JudgeAgreement> agreements) {
    double n = Math.max(1, agreements.size());
    return new JudgeAgreement(sum(agreements, JudgeAgreement::appearance) / n,
        sum(agreements, JudgeAgreement::kind) / n, sum(agreements, JudgeAgreement::colour) / n,
        sum(agreements, JudgeAgreement::hat) / n, sum(agreements, JudgeAgreement::size) / n,
        sum(agreements, JudgeAgreement::pose) / n);
  }

  /** The parts as a case line's digits: look, kind, colour, hat, size, pose, each 1 or 0, comma-separated. */
  public String digits() {
    return String.join(",", digit(appearance), digit(kind), digit(colour), digit(hat), digit(size), digit(pose));
  }

  private static String digit(double agreement) {
    return agreement > 0 ? "1" : "0";
  }

  private static double sum(List<JudgeAgreement> agreements, ToDoubleFunction<JudgeAgreement> part) {
    return agreements.stream().mapToDouble(part).sum();
  }

  private static boolean right(JudgeReading got, String head, int[] truth) {
    List<JudgeHead> heads = FigureWorldJudge.heads();
    for (int i = 0; i < heads.size(); i++) {
      if (heads.get(i).name().equals(head)) {
        return got.answer(head).equals(heads.get(i).classes().get(truth[i]));
      }
    }
    throw new IllegalArgumentException("the FigureWorld judge has no head '" + head + "'");
  }

  private static boolean same(JudgeReading got, JudgeReading want, String head) {
    return got.answer(head).equals(want.answer(head));
  }

  private static double agree(boolean yes) {
    return yes ? 1 : 0;
  }
}
