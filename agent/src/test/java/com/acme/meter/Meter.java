package com.acme.meter;

/**
 * A class without annotations, woven by the keys {@link MeterMain} passes as system properties:
 * Retry + CircuitBreaker + Bulkhead on {@link #next(int)}. Its first call fails once, so that a
 * retry shows the method is woven.
 */
public class Meter {
  private boolean failedOnce;

  /** Returns {@code value + 1}; the very first call throws instead. */
  public int next(int value) {
    if (!failedOnce) {
      failedOnce = true;
      throw new IllegalStateException("the first call fails");
    }
    return value + 1;
  }
}
