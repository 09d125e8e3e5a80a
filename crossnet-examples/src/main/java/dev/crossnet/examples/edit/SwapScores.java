package dev.crossnet.examples.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import java.util.Locale;

/** One row of the two-subject benchmark: sums over scenes of each region's look and pose, and the relation kept. */
final class SwapScores {

  static final String CSV_HEADER = "look first,look second,pose first,pose second,relation kept";

  static final String TABLE_HEADER = "| method | scenes | look: first | second | both | pose: first | second | both "
      + "| relation kept: all | where the bedrock shows one | PSNR outside (dB) | pixels changed outside "
      + "| time per edit (s) |\n"
      + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

  private final double[] look = new double[3];
  private final double[] pose = new double[3];
  private double relation;
  private double related;
  private double relatedKept;
  private double psnrOut;
  private long changed;
  private double seconds;
  private int timed;
  private int n;

  /**
   * Scores one result of a case and returns its line of {@code cases.csv}.
   *
   * @param fade the union of both regions with the result's feathered fade, outside which no pixel may change
   * @param secondsTaken the edit's time, NaN for a control
   */
  String add(Judge judge, Picture result, SwapCase c, Mask fade, double secondsTaken) {
    JudgeAgreement first = JudgeAgreement.of(judge, result, c.ideal().picture(), c.regions().get(0));
    JudgeAgreement second = JudgeAgreement.of(judge, result, c.ideal().picture(), c.regions().get(1));
    look[0] += first.appearance();
    look[1] += second.appearance();
    look[2] += first.appearance() * second.appearance();
    pose[0] += first.pose();
    pose[1] += second.pose();
    pose[2] += first.pose() * second.pose();
    String want = judge.read(c.scene().picture()).answer(FigureWorldJudge.RELATION);
    double kept = judge.read(result).answer(FigureWorldJudge.RELATION).equals(want) ? 1 : 0;
    relation += kept;
    if (!want.equals(FigureWorldJudge.NO_RELATION)) {
      related++;
      relatedKept += kept;
    }
    psnrOut += Metrics.psnr(result, c.scene().picture(), c.union(), false);
    changed += Metrics.changed(result, c.scene().picture(), fade);
    if (!Double.isNaN(secondsTaken)) {
      seconds += secondsTaken;
      timed++;
    }
    n++;
    return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%.0f", first.appearance(), second.appearance(),
        first.pose(), second.pose(), kept);
  }

  int count() {
    return n;
  }

  /** The row's line of the Markdown table. */
  String row(String name) {
    double psnr = psnrOut / n;
    return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |%n", name,
        n, share(look[0]), share(look[1]), share(look[2]), share(pose[0]), share(pose[1]), share(pose[2]),
        share(relation), related == 0 ? "- (0)" : String.format(Locale.ROOT, "%.0f %% (%.0f)",
            100 * relatedKept / related, related),
        Double.isInfinite(psnr) ? "inf" : String.format(Locale.ROOT, "%.2f", psnr), changed,
        timed == 0 ? "-" : String.format(Locale.ROOT, "%.2f", seconds / timed));
  }

  private String share(double sum) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * sum / n);
  }
}
