package io.github.posa4j.resilience.internal;

/**
 * How a decorator or woven method answers a failed call when its fallback applies: it calls the
 * method's fallback method, or its {@code FallbackHandler} with the call's arguments.
 *
 * @param <T> what the method returns
 */
@FunctionalInterface
public interface FallbackAnswer<T> {
  /** The fallback's answer to a call that failed with {@code failure}; its own exception reaches the caller. */
  T answer(Throwable failure) throws Throwable;
}
