package dev.crossnet.examples.cli;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The subjects' words of a command that replaces one or more occupants ({@code edit}, {@code video}): those given
 * with {@code --word}, one per subject in order, or {@code <subject>} for one subject and {@code <subject-1>},
 * {@code <subject-2>}, ... for several.
 */
final class SubjectWords {

  /** The subject's word when one subject is given without --word. */
  static final String DEFAULT_WORD = "<subject>";

  private SubjectWords() {}

  /**
   * The words for {@code count} subjects; fails with a {@link UsageException} when {@code given} is not empty and
   * does not hold one distinct word per subject.
   */
  static List<String> of(List<String> given, int count) {
    if (given.isEmpty()) {
      return count == 1 ? List.of(DEFAULT_WORD)
          : IntStream.rangeClosed(1, count).mapToObj(i -> "<subject-" + i + ">").toList();
    }
    if (given.size() != count) {
      throw new UsageException(given.size() + " --word option(s) for " + count + " subject(s): give one word per "
          + "subject, in the order of the --subject options, or none for the defaults");
    }
    if (new HashSet<>(given).size() != given.size()) {
      throw new UsageException("--word " + String.join(", ", given) + ": each subject needs its own word");
    }
    return List.copyOf(given);
  }

  /**
   * Fails with a {@link UsageException} unless there are as many subjects as regions; {@code example} shows the
   * pairing, e.g. {@code --region 0,0,40,60 --subject dog.png --region 60,0,40,60 --subject cat.png}.
   */
  static void requirePaired(int regions, int subjects, String regionOptions, String example) {
    if (regions != subjects) {
      throw new UsageException(regions + " region(s) (" + regionOptions + ") but " + subjects
          + " --subject option(s): give one --subject per region, in the same order, e.g. " + example);
    }
  }
}
