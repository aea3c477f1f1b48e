package io.github.posa4j.observe;

/**
 * A circuit breaker seen through JMX, registered as
 * {@code io.github.posa4j:type=CircuitBreaker,name="<FQCN>/<method>(<param type>,...)"}: its
 * state, window and totals, and an operator's control. The forced states hold for every instance
 * of the method, and listeners and JFR hear of them. See
 * {@link io.github.posa4j.resilience.CircuitBreakerView}, which it mirrors.
 */
public interface CircuitBreakerMXBean {

  /** The method's key. */
  String getMethod();

  /** {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, {@code FORCED_OPEN} or {@code FORCED_CLOSED}. */
  String getState();

  /** The size of the rolling window. */
  int getWindowSize();

  /** The outcomes in the current closed window. */
  int getWindowCalls();

  /** The failures in the current closed window. */
  int getWindowFailures();

  /** Calls admitted and recorded as successful, in all. */
  long getSuccessfulCalls();

  /** Calls admitted and recorded as failed, in all. */
  long getFailedCalls();

  /** Calls rejected because the breaker was open, in all. */
  long getRejectedCalls();

  /** How often the breaker opened by itself. */
  long getTimesOpened();

  /** Forces the breaker open: every call fails fast until it is reset or forced closed. */
  void forceOpen();

  /** Forces the breaker closed: every call passes until it is reset or forced open. */
  void forceClosed();

  /** Returns the breaker to closed with an empty window, ending a forced state. */
  void reset();
}
