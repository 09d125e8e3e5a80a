package dev.crossnet.examples.cli;

/** A mistake in the command line; the message says what to type instead. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
