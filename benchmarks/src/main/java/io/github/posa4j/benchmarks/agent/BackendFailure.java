package io.github.posa4j.benchmarks.agent;

/**
 * What the failing methods of {@link AnnotatedBackend} and {@link PlainBackend} throw: one shared
 * instance without a stack trace, so the failure path measures the policies, not the making of
 * an exception. Their circuit breakers skip it, so the breaker stays closed and every call makes
 * all its attempts.
 */
public final class BackendFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The one instance the backends throw. */
  public static final BackendFailure INSTANCE = new BackendFailure();

  private BackendFailure() {
    super("the backend failed", null, false, false);
  }
}
