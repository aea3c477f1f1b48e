package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * A <b>timeout</b>: a call that runs longer than {@link #value()} fails with
 * {@code TimeoutExceededException}.
 *
 * <p>Semantics of MicroProfile Fault Tolerance 4.x. On a synchronous method the executing thread
 * is interrupted at the deadline, and the exception is thrown when the method returns, even if it
 * returned normally; the interrupt flag is cleared afterwards. On a method returning
 * {@code CompletionStage} the returned stage completes exceptionally at the deadline and the
 * caller is never blocked. The timeout restarts for each {@link Retry} attempt.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Timeout {

  /** The longest a call may run, in {@link #unit()}; {@code 0} means no timeout, otherwise {@code > 0}. Default: 1000. */
  long value() default 1000;

  /** The unit of {@link #value()}. Default: {@code MILLIS}. */
  ChronoUnit unit() default ChronoUnit.MILLIS;
}
