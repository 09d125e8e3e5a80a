package dev.crossnet.core.judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the judge read in one picture: per head, its answer, the probability it gave that answer, and the
 * probability of every class.
 *
 * @param answers head name to answer
 * @param confidence head name to the answer's probability
 * @param probabilities head name to the probability of each of its classes, in {@link JudgeHead#classes()} order
 */
public record JudgeReading(Map<String, String> answers, Map<String, Double> confidence,
    Map<String, List<Double>> probabilities) {

  public JudgeReading {
    answers = Map.copyOf(answers);
    confidence = Map.copyOf(confidence);
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    probabilities.forEach((head, p) -> copy.put(head, List.copyOf(p)));
    probabilities = Map.copyOf(copy);
  }

  /** The answer of one head, failing with the heads there are when it has none. */
  public String answer(String head) {
    String a = answers.get(head);
    if (a == null) {
      throw new IllegalArgumentException("the judge has no head '" + head + "'; it has " + answers.keySet());
    }
    return a;
  }

  /** The probability of each class of one head, in the head's class order. */
  public double[] probabilities(String head) {
    List<Double> p = probabilities.get(head);
    if (p == null) {
      throw new IllegalArgumentException("the judge has no head '" + head + "'; it has " + probabilities.keySet());
    }
    return p.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
