package dev.crossnet.examples.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.judge.Judge;
import dev.crossnet.core.judge.JudgeReading;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled FigureWorld judge when this build has one ({@code FigureWorldJudge.bundled(NDManager)}, shipped
 * separately), found by name so that the benchmark runs, without judge columns, before it exists.
 */
final class JudgeProbe {

  private static final Logger LOG = LoggerFactory.getLogger(JudgeProbe.class);
  static final String CLASS = "dev.crossnet.core.judge.FigureWorldJudge";

  private JudgeProbe() {}

  static Optional<Judge> load(NDManager manager) {
    try {
      Object j = Class.forName(CLASS).getMethod("bundled", NDManager.class).invoke(null, manager);
      return Optional.of((Judge) j);
    } catch (ClassNotFoundException e) {
      LOG.info("no FigureWorld judge in this build ({} absent): judge columns are left empty", CLASS);
      return Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("the FigureWorld judge failed to load: {}; judge columns are left empty", e.toString());
      return Optional.empty();
    }
  }

  /**
   * The share of the judge's answers about the region that agree between the result and the ideal edit (its
   * heads read the subject's attributes, kind and pose).
   */
  static double agreement(Judge judge, Picture result, Picture ideal, Mask region) {
    JudgeReading a = judge.read(result, region);
    JudgeReading b = judge.read(ideal, region);
    int same = 0;
    int total = 0;
    for (Map.Entry<String, String> e : b.answers().entrySet()) {
      total++;
      if (e.getValue().equals(a.answers().get(e.getKey()))) {
        same++;
      }
    }
    return total == 0 ? Double.NaN : (double) same / total;
  }
}
