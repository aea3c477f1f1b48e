package io.github.posa4j.observe;

/**
 * A bulkhead seen through JMX, registered as
 * {@code io.github.posa4j:type=Bulkhead,name="<FQCN>/<method>(<param type>,...)"}. See
 * {@link io.github.posa4j.resilience.BulkheadView}, which it mirrors.
 */
public interface BulkheadMXBean {

  /** The method's key. */
  String getMethod();

  /** How many calls may run at once. */
  int getMaxConcurrent();

  /** How many calls run now. */
  int getInUse();

  /** How many asynchronous calls may wait for a slot. */
  int getMaxWaiting();

  /** How many asynchronous calls wait for a slot now. */
  int getWaiting();

  /** Calls rejected because every slot (and the waiting queue) was full, in all. */
  long getRejectedCalls();
}
