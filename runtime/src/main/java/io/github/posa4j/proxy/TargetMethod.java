package io.github.posa4j.proxy;

/**
 * How a generated proxy calls one method of its target, without reflection: a lambda such as
 * {@code (target, args) -> ((Catalog) target).find((String) args[0])}.
 */
@FunctionalInterface
public interface TargetMethod {

  /** Calls the method on {@code target} with {@code arguments}; {@code null} for {@code void}. */
  Object invoke(Object target, Object[] arguments) throws Throwable;
}
