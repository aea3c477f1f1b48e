package io.github.posa4j.benchmarks.active;

import io.github.posa4j.annotation.ActiveObject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The servant of the active-object benchmarks: the smallest possible work per request, one
 * increment of a plain {@code long} field. The processor generates {@code CounterActiveObject}
 * from it. The baselines do the same increment on a {@link Box} confined to their executor's
 * thread.
 */
@ActiveObject
public class Counter {
  private long value;

  /** Adds one; the fire-and-forget call. */
  public void increment() {
    value++;
  }

  /** The count; the round-trip call. */
  public long get() {
    return value;
  }

  /**
   * The baselines' counterpart of {@link Counter}: a plain field, touched only by the single
   * thread of the baseline's {@code ThreadPoolExecutor} (each task happens-before the next, since
   * the queue hands them over), read by the producer only after a join.
   */
  static final class Box {
    long value;
  }

  /** The executor of the baselines and of the shared-executor variants: one thread, an unbounded queue. */
  static ThreadPoolExecutor singleThreadExecutor() {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
  }
}
