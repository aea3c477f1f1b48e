package io.github.posa4j.resilience;

/**
 * Live figures of one method's circuit breaker, and an operator's control over it. There is one
 * breaker per method, shared by every instance and thread that calls it, so forcing it holds for
 * all of them. The totals count every call the breaker admitted once its outcome is known, also
 * one that ends after the state it was admitted in has changed (it is then in no window), and
 * every call it rejected. A reader holds the window's lock as briefly as a call does.
 *
 * <p>Obtain it with {@link FaultTolerance#circuitBreaker()}; JMX and the Micrometer binding expose
 * the same figures and operations.
 */
public interface CircuitBreakerView {

  /** The key of the method the breaker protects, {@code <FQCN>/<method>(<param type>,...)}. */
  String method();

  /** The current state. */
  CircuitState state();

  /** The size of the rolling window, {@code requestVolumeThreshold}. */
  int windowSize();

  /** The outcomes in the current closed window (0 unless {@link CircuitState#CLOSED}). */
  int windowCalls();

  /** The failures among {@link #windowCalls()}. */
  int windowFailures();

  /** The calls the breaker admitted and recorded as successful, since it was created. */
  long successfulCalls();

  /**
   * The calls the breaker admitted and recorded as failed, since it was created (outcomes that
   * {@code skipOn} or a missing {@code failOn} match count as successful, as for the window).
   */
  long failedCalls();

  /** The calls rejected with {@link CircuitBreakerOpenException}, since it was created. */
  long rejectedCalls();

  /** How often the breaker opened by itself (forcing it open does not count). */
  long timesOpened();

  /**
   * Forces the breaker open, until {@link #forceClosed()} or {@link #reset()}: every call is
   * rejected with {@link CircuitBreakerOpenException}, whatever the delay. Listeners hear the
   * change to {@link CircuitState#FORCED_OPEN}.
   */
  void forceOpen();

  /**
   * Forces the breaker closed, until {@link #forceOpen()} or {@link #reset()}: every call is
   * admitted and no outcome can open it; outcomes still count in the totals. Listeners hear the
   * change to {@link CircuitState#FORCED_CLOSED}.
   */
  void forceClosed();

  /**
   * Returns the breaker to {@link CircuitState#CLOSED} with an empty window, from any state,
   * forced ones included. The totals are kept.
   */
  void reset();
}
