package dev.crossnet.core.weights;

/** A checkpoint could not be read or does not fit the model; the message names the file and tensor. */
public final class WeightsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WeightsException(String message) {
    super(message);
  }

  public WeightsException(String message, Throwable cause) {
    super(message, cause);
  }
}
