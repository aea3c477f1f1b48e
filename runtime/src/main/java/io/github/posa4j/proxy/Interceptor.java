package io.github.posa4j.proxy;

/**
 * Code around the calls of a proxy. {@code invocation -> invocation.proceed()} is the interceptor
 * that does nothing; an interceptor may also answer without proceeding, proceed more than once,
 * or replace the result or the exception.
 *
 * <p>Exceptions behave as with {@code java.lang.reflect.Proxy}: unchecked exceptions and the
 * checked exceptions the method declares reach the caller unchanged; any other checked exception
 * is wrapped in {@link java.lang.reflect.UndeclaredThrowableException} by the generated proxy.
 */
@FunctionalInterface
public interface Interceptor {

  /** Handles one call; {@link Invocation#proceed()} passes it on towards the target. */
  Object intercept(Invocation invocation) throws Throwable;
}
