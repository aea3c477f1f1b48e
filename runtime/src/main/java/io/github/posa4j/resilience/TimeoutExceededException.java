package io.github.posa4j.resilience;

/**
 * Thrown when a call ran longer than its {@code @Timeout}. For a synchronous method it is thrown
 * when the method returns, even if it returned normally; the method's own exception, if any, is
 * the cause.
 */
public class TimeoutExceededException extends FaultToleranceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the method with the given policy key and its timeout. */
  public TimeoutExceededException(String method, long timeoutNanos, Throwable cause) {
    super(method + " timed out after " + Durations.describe(timeoutNanos), cause);
  }
}
