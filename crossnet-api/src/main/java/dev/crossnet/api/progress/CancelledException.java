package dev.crossnet.api.progress;

/** Long work stopped because its {@link Cancellation} was raised. */
public final class CancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CancelledException(String message) {
    super(message);
  }
}
