package dev.crossnet.core.text;

/** A tokenizer folder could not be read or written, or a request does not fit the vocabulary. */
public final class TokenizerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TokenizerException(String message) {
    super(message);
  }

  public TokenizerException(String message, Throwable cause) {
    super(message, cause);
  }
}
