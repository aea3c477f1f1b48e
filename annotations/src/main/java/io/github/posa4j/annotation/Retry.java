package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * <b>Retry</b> a call that failed with one of the {@link #retryOn()} exceptions.
 *
 * <p>Semantics of MicroProfile Fault Tolerance 4.x. Each attempt goes through the circuit
 * breaker, the timeout (which restarts for each attempt) and the bulkhead (whose slot is released
 * during the delay between attempts). Retrying stops when {@link #maxRetries()} retries were made,
 * when the next attempt would start after {@link #maxDuration()}, or when the failure matches
 * {@link #abortOn()}; the last failure is then thrown (or handed to {@link Fallback}).
 *
 * <p>posa4j measures {@code maxDuration} from the end of the first failed attempt, so that a call
 * that succeeds at once never reads the clock.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Retry {

  /** The maximum number of retries after the first attempt; {@code -1} retries forever, otherwise {@code >= 0}. Default: 3. */
  int maxRetries() default 3;

  /** The pause before each retry, in {@link #delayUnit()}; {@code >= 0}. Default: 0. */
  long delay() default 0;

  /** The unit of {@link #delay()}. Default: {@code MILLIS}. */
  ChronoUnit delayUnit() default ChronoUnit.MILLIS;

  /**
   * The longest time spent retrying, in {@link #durationUnit()}; {@code 0} means no limit,
   * otherwise it must exceed {@link #delay()}. Default: 180000.
   */
  long maxDuration() default 180000;

  /** The unit of {@link #maxDuration()}. Default: {@code MILLIS}. */
  ChronoUnit durationUnit() default ChronoUnit.MILLIS;

  /**
   * A random variation of each delay: the pause is {@code delay + r} with {@code r} drawn
   * uniformly from {@code [-jitter, jitter]} (never below zero), in {@link #jitterDelayUnit()};
   * {@code >= 0}, {@code 0} for none. Default: 200.
   */
  long jitter() default 200;

  /** The unit of {@link #jitter()}. Default: {@code MILLIS}. */
  ChronoUnit jitterDelayUnit() default ChronoUnit.MILLIS;

  /** The failures that are retried; subclasses match. Default: {@code Exception} (an {@code Error} is not retried). */
  Class<? extends Throwable>[] retryOn() default {Exception.class};

  /** The failures that are never retried, even when they match {@link #retryOn()} ({@code abortOn} wins). Default: none. */
  Class<? extends Throwable>[] abortOn() default {};
}
