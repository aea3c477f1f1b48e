package io.github.posa4j.resilience;

/**
 * Thrown instead of calling a method whose circuit breaker is open (or half-open with every trial
 * call already admitted). It carries no stack trace: the message names the method, and the caller's
 * own frames are where it surfaces.
 */
public class CircuitBreakerOpenException extends FaultToleranceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the method with the given policy key. */
  public CircuitBreakerOpenException(String method) {
    this(messageFor(method), null);
  }

  /** With a message made once per breaker, so that a rejection costs one small object. */
  CircuitBreakerOpenException(String message, Void unused) {
    super(message, null, false);
  }

  static String messageFor(String method) {
    return "circuit breaker of " + method + " is open: call not permitted";
  }
}
