package io.github.posa4j.resilience;

/** The states of a circuit breaker. */
public enum CircuitState {
  /** Calls pass and their outcomes fill the rolling window. */
  CLOSED,
  /** Calls fail fast with {@link CircuitBreakerOpenException} until the delay has passed. */
  OPEN,
  /** A limited number of trial calls pass; their outcomes decide between closed and open. */
  HALF_OPEN
}
