package dev.crossnet.core.train;

import java.util.Map;

/** Receives each finished step's loss values, e.g. to log curves. */
@FunctionalInterface
public interface TrainingListener {

  TrainingListener NONE = (step, losses) -> {};

  /**
   * @param step the finished step, from 0
   * @param losses "group/term" to weighted value, plus "group" to the group's total, in summation order
   */
  void onStep(int step, Map<String, Double> losses);
}
