package io.github.posa4j.resilience;

/**
 * The base of every exception a resilience policy throws in place of the protected method's own
 * result: {@link CircuitBreakerOpenException}, {@link BulkheadFullException} and
 * {@link TimeoutExceededException}. Unchecked, so that it passes through any method signature.
 */
public class FaultToleranceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and a stack trace. */
  public FaultToleranceException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause, and a stack trace. */
  public FaultToleranceException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * For rejections, which are flow control under load: filling in a stack trace there would make
   * an overloaded application slower still.
   */
  protected FaultToleranceException(String message, Throwable cause, boolean writableStackTrace) {
    super(message, cause, true, writableStackTrace);
  }
}
