package io.github.posa4j.resilience;

/**
 * Observes the policies of one {@link FaultTolerance} (or, registered with
 * {@link FaultToleranceRegistry#addListener}, of all of them). Every method has an empty default,
 * so a listener implements only what it needs.
 *
 * <p>Listeners are called synchronously on the thread where the event happens, and must be quick
 * and must not throw; an exception thrown by a listener is logged and ignored.
 */
public interface FaultToleranceListener {

  /** The circuit breaker of {@code method} moved from {@code from} to {@code to}. */
  default void onStateChange(String method, CircuitState from, CircuitState to) {}

  /**
   * {@code method} failed with {@code failure} and is retried, for the {@code retry}-th time
   * (1 for the first retry), after {@code delayNanos} nanoseconds.
   */
  default void onRetry(String method, int retry, Throwable failure, long delayNanos) {}

  /** A call of {@code method} was rejected by an open breaker or a full bulkhead. */
  default void onRejected(String method, FaultToleranceException rejection) {}

  /** An attempt of {@code method} ran past its timeout. */
  default void onTimeout(String method, TimeoutExceededException timeout) {}

  /** {@code method} failed with {@code failure}, and its fallback is used instead. */
  default void onFallback(String method, Throwable failure) {}
}
