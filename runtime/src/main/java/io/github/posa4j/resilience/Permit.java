package io.github.posa4j.resilience;

/**
 * The permission {@link FaultTolerance#enter()} grants to one attempt of a call, handed back to
 * {@link FaultTolerance#succeeded(Permit)} or {@link FaultTolerance#failed(Permit, Throwable)}
 * when the attempt ends. Opaque to callers.
 *
 * <p>Without a timeout, a permit is a shared object (the circuit breaker's current state), so
 * entering and leaving allocate nothing.
 */
public class Permit {
  /** The permit of a policy set without circuit breaker and without timeout. */
  static final Permit FREE = new Permit();

  Permit() {}

  /** The permit the circuit breaker gave; itself unless this permit also carries a timeout. */
  Permit breakerPermit() {
    return this;
  }
}
