package dev.crossnet.examples.schedule;

import dev.crossnet.api.image.Picture;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.schedule.MaskedPicture;
import dev.crossnet.examples.edit.JudgeAgreement;
import java.util.List;

/**
 * The FigureWorld judge's agreement between each source and what is read off a prediction of it, per noise level:
 * the share of pictures whose pose, kind and colour (asked about the region's box) read the same, and the same
 * shares between picture i and the unrelated picture i + 1 (the judge's floor).
 */
final class JudgeCurve {

  final double[] pose;
  final double[] kind;
  final double[] colour;
  double poseFloor;
  double kindFloor;
  double colourFloor;

  private JudgeCurve(int levels) {
    pose = new double[levels];
    kind = new double[levels];
    colour = new double[levels];
  }

  /**
   * Reads {@code predictions[picture][level]} against {@code sources[picture]}.
   */
  static JudgeCurve read(Judge judge, List<MaskedPicture> sources, Picture[][] predictions) {
    int n = sources.size();
    int levels = predictions[0].length;
    JudgeCurve c = new JudgeCurve(levels);
    for (int p = 0; p < n; p++) {
      MaskedPicture s = sources.get(p);
      for (int k = 0; k < levels; k++) {
        JudgeAgreement a = JudgeAgreement.of(judge, predictions[p][k], s.picture(), s.region());
        c.pose[k] += a.pose() / n;
        c.kind[k] += a.kind() / n;
        c.colour[k] += a.colour() / n;
      }
      JudgeAgreement floor = JudgeAgreement.of(judge, sources.get((p + 1) % n).picture(), s.picture(), s.region());
      c.poseFloor += floor.pose() / n;
      c.kindFloor += floor.kind() / n;
      c.colourFloor += floor.colour() / n;
    }
    return c;
  }

  /** Pearson correlation of two curves; NaN when either is constant. */
  static double correlation(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i] / n;
      mb += b[i] / n;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }
}
