package dev.crossnet.core.judge;

/** A judge folder is missing, incomplete, or does not fit this version of the judge. */
public final class JudgeFolderException extends RuntimeException {

  public JudgeFolderException(String message) {
    super(message);
  }

  public JudgeFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
