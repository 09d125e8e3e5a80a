package dev.crossnet.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The bounded fuzz run CI makes: how many damaged inputs each parser gets, and how a failing case is reported so
 * that it can be replayed. {@code -Dcrossnet.fuzz.cases=N} runs a longer one (docs/bad-input.md).
 */
final class FuzzCases {

  /** Damaged inputs per parser in a CI run. */
  static final int CASES = Integer.getInteger("crossnet.fuzz.cases", 1500);

  /** The seed of the mutations; {@code -Dcrossnet.fuzz.seed} explores others. */
  static final long SEED = Long.getLong("crossnet.fuzz.seed", 20261205L);

  private FuzzCases() {}

  static void write(Path file, byte[] data) {
    try {
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An assertion error for case {@code i}: what went wrong, with the input in Base64 to replay it. */
  static AssertionError failure(int i, byte[] input, Throwable thrown) {
    return new AssertionError("fuzz case " + i + " (seed " + SEED + "): " + thrown + "; input (Base64): "
        + Base64.getEncoder().encodeToString(input), thrown);
  }
}
