package dev.crossnet.examples.cli;

import java.util.List;

/** Checks an option whose value is one of a few words, e.g. {@code --stage all|vae|unet}. */
public final class Choices {

  private Choices() {}

  /** {@code value}, when it is one of {@code allowed}; otherwise a {@link UsageException} naming them all. */
  public static String check(String option, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw new UsageException(option + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
    return value;
  }
}
