package io.github.posa4j.resilience.internal;

/**
 * The permission {@code FaultTolerance.enter()} grants one attempt of a call, handed back to
 * {@code succeeded(permit)} or {@code failed(permit, failure)} when the attempt ends. Opaque:
 * only generated and woven code holds one, for the few lines between entering and leaving.
 *
 * <p>Without a timeout a permit is a shared object (the circuit breaker's current state), so
 * entering and leaving allocate nothing.
 */
public abstract class Permit {
  /** For the runtime's own permits only. */
  protected Permit() {}
}
