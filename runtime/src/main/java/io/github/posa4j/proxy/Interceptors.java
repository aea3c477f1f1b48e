package io.github.posa4j.proxy;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/** The built-in interceptors: protection (access control), logging and timing. */
public final class Interceptors {
  private static final Logger DEFAULT_LOGGER = System.getLogger("io.github.posa4j.proxy");

  private Interceptors() {}

  /**
   * A protection proxy (POSA1): each call passes only if {@code policy} permits it, else it fails
   * with {@link AccessDeniedException} and the target is not called.
   */
  public static Interceptor protection(AccessPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return invocation -> {
      if (!policy.permits(invocation)) {
        throw new AccessDeniedException(invocation.method());
      }
      return invocation.proceed();
    };
  }

  /** Logs every call at {@code DEBUG} to the logger {@code io.github.posa4j.proxy}; see {@link #logging(Logger, Level)}. */
  public static Interceptor logging() {
    return logging(DEFAULT_LOGGER, Level.DEBUG);
  }

  /**
   * Logs each call to {@code logger} at {@code level}: when it starts, and how it ended with its
   * duration. Argument values are not logged (they may hold secrets); add an interceptor of your
   * own for that. Costs nothing but a level check when the level is off.
   */
  public static Interceptor logging(Logger logger, Level level) {
    Objects.requireNonNull(logger, "logger");
    Objects.requireNonNull(level, "level");
    return invocation -> {
      if (!logger.isLoggable(level)) {
        return invocation.proceed();
      }
      MethodDescriptor method = invocation.method();
      logger.log(level, "call {0}", method);
      long start = System.nanoTime();
      try {
        Object result = invocation.proceed();
        logger.log(level, "{0} returned after {1} µs", method, (System.nanoTime() - start) / 1_000);
        return result;
      } catch (Throwable failure) {
        logger.log(level, "{0} threw {1} after {2} µs", method, failure, (System.nanoTime() - start) / 1_000);
        throw failure;
      }
    };
  }

  /** Measures each call and hands its duration and outcome to {@code listener}. */
  public static Interceptor timing(TimingListener listener) {
    Objects.requireNonNull(listener, "listener");
    return invocation -> {
      long start = System.nanoTime();
      Object result;
      try {
        result = invocation.proceed();
      } catch (Throwable failure) {
        listener.record(invocation.method(), System.nanoTime() - start, failure);
        throw failure;
      }
      listener.record(invocation.method(), System.nanoTime() - start, null);
      return result;
    };
  }
}
