package io.github.posa4j.annotation;

/**
 * What a {@link FallbackHandler} knows about the call it replaces.
 */
public interface ExecutionContext {

  /** The method's policy key, {@code <fully qualified class>/<method>}, optionally with its parameter types. */
  String method();

  /** The arguments of the call; an empty array when the front end does not pass them. */
  Object[] parameters();

  /** The failure that triggered the fallback. */
  Throwable failure();
}
