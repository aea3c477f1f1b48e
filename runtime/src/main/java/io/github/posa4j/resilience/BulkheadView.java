package io.github.posa4j.resilience;

/**
 * Live figures of one method's bulkhead, shared by every instance and thread that calls the
 * method. Obtain it with {@link FaultTolerance#bulkhead()}.
 */
public interface BulkheadView {

  /** The key of the method the bulkhead protects. */
  String method();

  /** How many calls may run at once, the bulkhead's {@code value}. */
  int maxConcurrent();

  /** How many calls run now. */
  int inUse();

  /** How many asynchronous calls may wait for a slot, {@code waitingTaskQueue}. */
  int maxWaiting();

  /** How many asynchronous calls wait for a slot now. */
  int waiting();

  /** The calls rejected with {@link BulkheadFullException}, since the bulkhead was created. */
  long rejectedCalls();
}
