package dev.crossnet.core.judge;

import java.util.List;

/**
 * One question the judge answers, with its possible answers in logit order.
 *
 * @param name e.g. "kind", "pose"
 * @param classes the answers, e.g. ["person", "robot", "dog"]
 */
public record JudgeHead(String name, List<String> classes) {

  public JudgeHead {
    classes = List.copyOf(classes);
    if (classes.size() < 2) {
      throw new IllegalArgumentException("judge head '" + name + "' needs at least two classes, got " + classes);
    }
  }

  /** The index of an answer, failing with the known answers when it is not one. */
  public int indexOf(String answer) {
    int i = classes.indexOf(answer);
    if (i < 0) {
      throw new IllegalArgumentException("judge head '" + name + "' has no class '" + answer + "'; known: "
          + classes);
    }
    return i;
  }
}
