package io.github.posa4j.observe;

import io.github.posa4j.resilience.BulkheadView;

/** The JMX face of one {@link BulkheadView}. */
final class BulkheadJmx implements BulkheadMXBean {
  private final BulkheadView bulkhead;

  BulkheadJmx(BulkheadView bulkhead) {
    this.bulkhead = bulkhead;
  }

  @Override
  public String getMethod() {
    return bulkhead.method();
  }

  @Override
  public int getMaxConcurrent() {
    return bulkhead.maxConcurrent();
  }

  @Override
  public int getInUse() {
    return bulkhead.inUse();
  }

  @Override
  public int getMaxWaiting() {
    return bulkhead.maxWaiting();
  }

  @Override
  public int getWaiting() {
    return bulkhead.waiting();
  }

  @Override
  public long getRejectedCalls() {
    return bulkhead.rejectedCalls();
  }
}
