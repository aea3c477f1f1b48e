package io.github.posa4j.annotation;

/**
 * Computes the result of a call that failed, for {@link Fallback#value()}.
 *
 * <p>Implementations need a public no-argument constructor; one instance is created per method
 * and shared, so they must be thread-safe.
 *
 * @param <T> the return type of the protected method (for a method returning
 *     {@code CompletionStage<R>}, the handler may return {@code R} or a {@code CompletionStage<R>})
 */
@FunctionalInterface
public interface FallbackHandler<T> {

  /**
   * Returns the result to use instead of the failure described by {@code context}. An exception
   * thrown here reaches the caller.
   */
  T handle(ExecutionContext context);
}
