package dev.crossnet.examples.cli;

/**
 * A mistake in the command line found after it parsed (options that do not fit together, a word outside its
 * choices); the message says what to type instead. A command that throws it ends with exit code 2.
 */
public final class UsageException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
