package io.github.posa4j.examples.allocation;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Retry;

/** Retry + CircuitBreaker + Bulkhead, no timeout: the processor generates {@code ResilientMeter}. */
public class Meter {
  /** Returns {@code value + 1}. */
  @Retry(maxRetries = 3, jitter = 0)
  @CircuitBreaker(requestVolumeThreshold = 100)
  @Bulkhead(10)
  public int next(int value) {
    return value + 1;
  }
}
