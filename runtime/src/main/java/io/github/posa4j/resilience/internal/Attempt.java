package io.github.posa4j.resilience.internal;

/**
 * The protected body of a call, as a decorator or woven method hands it to
 * {@code FaultTolerance.afterFailure} once its first attempt failed: the runtime runs it again for
 * each retry. It may throw anything the method may throw.
 *
 * @param <T> what the method returns ({@code Void} for a {@code void} method, which returns null)
 */
@FunctionalInterface
public interface Attempt<T> {
  /** Runs the body once. */
  T run() throws Throwable;
}
