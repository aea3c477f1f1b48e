package io.github.posa4j.observe;

import io.github.posa4j.resilience.CircuitBreakerView;

/** The JMX face of one {@link CircuitBreakerView}. */
final class CircuitBreakerJmx implements CircuitBreakerMXBean {
  private final CircuitBreakerView breaker;

  CircuitBreakerJmx(CircuitBreakerView breaker) {
    this.breaker = breaker;
  }

  @Override
  public String getMethod() {
    return breaker.method();
  }

  @Override
  public String getState() {
    return breaker.state().name();
  }

  @Override
  public int getWindowSize() {
    return breaker.windowSize();
  }

  @Override
  public int getWindowCalls() {
    return breaker.windowCalls();
  }

  @Override
  public int getWindowFailures() {
    return breaker.windowFailures();
  }

  @Override
  public long getSuccessfulCalls() {
    return breaker.successfulCalls();
  }

  @Override
  public long getFailedCalls() {
    return breaker.failedCalls();
  }

  @Override
  public long getRejectedCalls() {
    return breaker.rejectedCalls();
  }

  @Override
  public long getTimesOpened() {
    return breaker.timesOpened();
  }

  @Override
  public void forceOpen() {
    breaker.forceOpen();
  }

  @Override
  public void forceClosed() {
    breaker.forceClosed();
  }

  @Override
  public void reset() {
    breaker.reset();
  }
}
