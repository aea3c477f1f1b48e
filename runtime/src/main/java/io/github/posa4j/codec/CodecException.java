package io.github.posa4j.codec;

/**
 * Bytes that are not a value of the expected type: too few of them, a length or count beyond
 * what remains, an unknown enum constant, a malformed string. The message says what was being
 * read and at which position.
 */
public class CodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Bytes that could not be decoded, as {@code message} says. */
  public CodecException(String message) {
    super(message);
  }

  /** Bytes that could not be decoded, as {@code message} says, because of {@code cause}. */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
