package io.github.posa4j.resilience;

import io.github.posa4j.annotation.Bulkhead;

/** The settings of a bulkhead, with the attributes and defaults of {@link Bulkhead}. */
public final class BulkheadPolicy implements Policy {
  private final int value;
  private final int waitingTaskQueue;

  private BulkheadPolicy(int value, int waitingTaskQueue) {
    this.value = value;
    this.waitingTaskQueue = waitingTaskQueue;
  }

  /** At most {@code maxConcurrent} calls at once, and 10 waiting places for asynchronous calls. */
  public static BulkheadPolicy of(int maxConcurrent) {
    return new BulkheadPolicy(maxConcurrent, 10);
  }

  /** At most {@code maxConcurrent} calls at once, and {@code waitingTaskQueue} waiting places for asynchronous calls. */
  public static BulkheadPolicy of(int maxConcurrent, int waitingTaskQueue) {
    return new BulkheadPolicy(maxConcurrent, waitingTaskQueue);
  }

  /** The bulkhead of {@code annotation}. */
  public static BulkheadPolicy of(Bulkhead annotation) {
    return new BulkheadPolicy(annotation.value(), annotation.waitingTaskQueue());
  }

  /** The number of calls that may run at once. */
  public int value() {
    return value;
  }

  /** The number of asynchronous calls that may wait for a slot. */
  public int waitingTaskQueue() {
    return waitingTaskQueue;
  }

  void validate(String method) {
    InvalidPolicyException.check(value >= 1, "Bulkhead.value", value, method, "must be >= 1");
    InvalidPolicyException.check(waitingTaskQueue >= 1,
        "Bulkhead.waitingTaskQueue", waitingTaskQueue, method, "must be >= 1");
  }

  @Override
  public String toString() {
    return "Bulkhead(" + value + ", waitingTaskQueue=" + waitingTaskQueue + ")";
  }
}
