package io.github.posa4j.proxy;

/** One call through a proxy, as an {@link Interceptor} sees it. */
public interface Invocation {

  /** The method called. */
  MethodDescriptor method();

  /** The object the call goes to in the end. */
  Object target();

  /**
   * The arguments, boxed. The array is the call's own: an interceptor that changes an element
   * changes what the next interceptor and the target receive.
   */
  Object[] arguments();

  /**
   * Passes the call to the next interceptor, or to the target after the last one, and returns its
   * result (boxed; {@code null} for {@code void}). May be called more than once.
   */
  Object proceed() throws Throwable;
}
