package io.github.posa4j.resilience;

/** The states of a circuit breaker. */
public enum CircuitState {
  /** Calls pass and their outcomes fill the rolling window. */
  CLOSED,
  /** Calls fail fast with {@link CircuitBreakerOpenException} until the delay has passed. */
  OPEN,
  /** A limited number of trial calls pass; their outcomes decide between closed and open. */
  HALF_OPEN,
  /**
   * Forced open by an operator ({@link CircuitBreakerView#forceOpen()}): every call fails fast
   * until the breaker is reset or forced closed.
   */
  FORCED_OPEN,
  /**
   * Forced closed by an operator ({@link CircuitBreakerView#forceClosed()}): every call passes and
   * no outcome opens the breaker until it is reset or forced open.
   */
  FORCED_CLOSED
}
