package io.github.posa4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A <b>bulkhead</b>: at most {@link #value()} calls of the method run at the same time; further
 * calls are rejected with {@code BulkheadFullException}, so one slow dependency cannot take every
 * thread of the application.
 *
 * <p>Semantics of MicroProfile Fault Tolerance 4.x. A synchronous call is rejected at once when
 * every slot is taken. A call of a method returning {@code CompletionStage} holds its slot until
 * its stage completes, and waits in a queue of {@link #waitingTaskQueue()} places when every slot
 * is taken; it is rejected only when the queue is full too. There is one bulkhead per method,
 * shared by all instances.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Bulkhead {

  /** The number of calls that may run at the same time; {@code >= 1}. Default: 10. */
  int value() default 10;

  /**
   * For methods returning {@code CompletionStage} only: how many calls may wait for a slot;
   * {@code >= 1}. Default: 10.
   */
  int waitingTaskQueue() default 10;
}
