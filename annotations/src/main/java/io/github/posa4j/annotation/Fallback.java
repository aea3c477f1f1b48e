package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A <b>fallback</b>: when a call finally fails (after every {@link Retry}), answer with another
 * result instead of the exception.
 *
 * <p>Semantics of MicroProfile Fault Tolerance 4.x. Name either a {@link FallbackHandler} class
 * with {@link #value()}, or a method of the same class with {@link #fallbackMethod()}: it takes the
 * same parameters and returns a compatible type. Exactly one of the two must be given.
 * The fallback applies when the failure matches {@link #applyOn()} and not {@link #skipOn()}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Fallback {

  /**
   * The handler class to instantiate (it needs a public no-argument constructor). Default:
   * {@link DEFAULT}, meaning none: {@link #fallbackMethod()} is used instead.
   */
  @SuppressWarnings("rawtypes")
  Class<? extends FallbackHandler> value() default DEFAULT.class;

  /**
   * The name of a method of the same class, with the same parameter types and a compatible
   * return type, to call instead. Default: {@code ""}, meaning none.
   */
  String fallbackMethod() default "";

  /** The failures the fallback handles; subclasses match. Default: {@code Throwable}. */
  Class<? extends Throwable>[] applyOn() default {Throwable.class};

  /** The failures that are rethrown, even when they match {@link #applyOn()} ({@code skipOn} wins). Default: none. */
  Class<? extends Throwable>[] skipOn() default {};

  /** The marker for "no handler class"; it is never instantiated. */
  final class DEFAULT implements FallbackHandler<Void> {
    private DEFAULT() {}

    @Override
    public Void handle(ExecutionContext context) {
      throw new UnsupportedOperationException("Fallback.DEFAULT is a marker, not a handler");
    }
  }
}
