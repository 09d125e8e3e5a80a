package dev.crossnet.examples.cli;

/**
 * A mistake in the command line; the message says what to type instead. It is an
 * {@link IllegalArgumentException}, so a program's {@code main} may simply let it escape.
 */
public final class UsageException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
