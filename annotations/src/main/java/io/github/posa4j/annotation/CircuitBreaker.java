package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * A <b>circuit breaker</b>: after too many recent failures, calls fail fast with
 * {@code CircuitBreakerOpenException} instead of reaching a service that is down.
 *
 * <p>Semantics of MicroProfile Fault Tolerance 4.x. The breaker judges a rolling window of the
 * last {@link #requestVolumeThreshold()} calls, and only once the window is full; it opens when
 * {@code failures / window >= failureRatio}. While open it rejects every call for {@link #delay()},
 * then turns half-open and lets {@link #successThreshold()} trial calls through: when all of them
 * succeed it closes, when any fails it opens again. Every state change starts a new, empty window.
 *
 * <p>On a method it protects that method; on a type it protects every public method. There is one
 * breaker per method (each overload its own), shared by all instances. Each attempt of a
 * {@link Retry} is seen by the breaker.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CircuitBreaker {

  /**
   * The exceptions that count as failures; any other outcome counts as a success. Subclasses
   * match. Default: {@code Throwable}, every exception is a failure.
   */
  Class<? extends Throwable>[] failOn() default {Throwable.class};

  /**
   * The exceptions that count as successes even when they also match {@link #failOn()}
   * ({@code skipOn} wins). Default: none.
   */
  Class<? extends Throwable>[] skipOn() default {};

  /** How long the breaker stays open before it lets trial calls through, in {@link #delayUnit()}; {@code >= 0}. Default: 5000. */
  long delay() default 5000;

  /** The unit of {@link #delay()}. Default: {@code MILLIS}. */
  ChronoUnit delayUnit() default ChronoUnit.MILLIS;

  /** The size of the rolling window of calls the breaker judges; {@code >= 1}. Default: 20. */
  int requestVolumeThreshold() default 20;

  /** The ratio of failures in a full window at which the breaker opens, in {@code [0, 1]}. Default: 0.5. */
  double failureRatio() default 0.5;

  /** How many trial calls in the half-open state must succeed to close the breaker; {@code >= 1}. Default: 1. */
  int successThreshold() default 1;
}
