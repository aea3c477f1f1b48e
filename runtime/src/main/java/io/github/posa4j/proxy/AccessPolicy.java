package io.github.posa4j.proxy;

import java.util.Set;

/**
 * Decides whether a call may pass a protection proxy ({@link Interceptors#protection}). It is
 * asked for every call, on the caller's thread, so it can consult the caller's context (a
 * security context in a thread local, say).
 */
@FunctionalInterface
public interface AccessPolicy {

  /** True to let {@code invocation} through; false to reject it with {@link AccessDeniedException}. */
  boolean permits(Invocation invocation);

  /** A policy that lets through only the methods with one of the given names. */
  static AccessPolicy onlyMethodsNamed(String... names) {
    Set<String> allowed = Set.of(names);
    return invocation -> allowed.contains(invocation.method().name());
  }
}
