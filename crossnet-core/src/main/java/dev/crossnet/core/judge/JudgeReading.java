package dev.crossnet.core.judge;

import java.util.Map;

/**
 * What the judge read in one picture: per head, its answer and the probability it gave that answer.
 *
 * @param answers head name to answer
 * @param confidence head name to the answer's probability
 */
public record JudgeReading(Map<String, String> answers, Map<String, Double> confidence) {

  public JudgeReading {
    answers = Map.copyOf(answers);
    confidence = Map.copyOf(confidence);
  }

  /** The answer of one head, failing with the heads there are when it has none. */
  public String answer(String head) {
    String a = answers.get(head);
    if (a == null) {
      throw new IllegalArgumentException("the judge has no head '" + head + "'; it has " + answers.keySet());
    }
    return a;
  }
}
