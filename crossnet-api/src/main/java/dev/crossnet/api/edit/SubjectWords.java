package dev.crossnet.api.edit;

import dev.crossnet.api.subject.Subject;
import java.util.List;
import java.util.Objects;

/** The check that every subject of an edit has its own word. */
final class SubjectWords {

  private SubjectWords() {}

  /** Fails when {@code subject} is null or uses the word of one of {@code earlier}. */
  static void requireNew(Subject subject, List<Subject> earlier) {
    Objects.requireNonNull(subject, "subject");
    for (Subject s : earlier) {
      if (s.word().equals(subject.word())) {
        throw new IllegalArgumentException("two subjects use the word '" + subject.word()
            + "'; each subject needs its own word so that the prompt can trigger its branch");
      }
    }
  }
}
