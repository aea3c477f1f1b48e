package io.github.posa4j.observe;

import io.github.posa4j.resilience.BulkheadFullException;
import io.github.posa4j.resilience.CircuitBreakerOpenException;
import io.github.posa4j.resilience.CircuitState;
import io.github.posa4j.resilience.FaultToleranceException;
import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.TimeoutExceededException;

/**
 * Turns what the resilience policies report into Flight Recorder events. Policies call it only
 * on state changes, retries, rejections, timeouts and fallbacks, never on a call that succeeds.
 * Until Flight Recorder is initialised a method returns at once (see {@link Jfr}); after, while
 * no recording takes its event, it creates the small event object, finds that it should not
 * commit it, and returns, without reading an exception message or building a string.
 */
final class FaultToleranceRecorder implements FaultToleranceListener {
  static final FaultToleranceListener INSTANCE = new FaultToleranceRecorder();

  private FaultToleranceRecorder() {}

  @Override
  public void onStateChange(String method, CircuitState from, CircuitState to) {
    if (!Jfr.initialized()) {
      return;
    }
    CircuitBreakerStateChangeEvent event = new CircuitBreakerStateChangeEvent();
    if (event.shouldCommit()) {
      event.method = method;
      event.from = from.name();
      event.to = to.name();
      event.commit();
    }
  }

  @Override
  public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
    if (!Jfr.initialized()) {
      return;
    }
    RetryEvent event = new RetryEvent();
    if (event.shouldCommit()) {
      event.method = method;
      event.retry = retry;
      event.failureClass = failure.getClass().getName();
      event.failureMessage = failure.getMessage();
      event.delay = delayNanos;
      event.commit();
    }
  }

  @Override
  public void onRejected(String method, FaultToleranceException rejection) {
    if (!Jfr.initialized()) {
      return;
    }
    CallRejectedEvent event = new CallRejectedEvent();
    if (event.shouldCommit()) {
      event.method = method;
      event.policy = rejection instanceof CircuitBreakerOpenException ? "CircuitBreaker"
          : rejection instanceof BulkheadFullException ? "Bulkhead"
          : rejection.getClass().getSimpleName();
      event.message = rejection.getMessage();
      event.commit();
    }
  }

  @Override
  public void onTimeout(String method, TimeoutExceededException timeout) {
    if (!Jfr.initialized()) {
      return;
    }
    TimeoutEvent event = new TimeoutEvent();
    if (event.shouldCommit()) {
      event.method = method;
      event.message = timeout.getMessage();
      event.commit();
    }
  }

  @Override
  public void onFallback(String method, Throwable failure) {
    if (!Jfr.initialized()) {
      return;
    }
    FallbackEvent event = new FallbackEvent();
    if (event.shouldCommit()) {
      event.method = method;
      event.failureClass = failure.getClass().getName();
      event.failureMessage = failure.getMessage();
      event.commit();
    }
  }

  @Override
  public String toString() {
    return "posa4j Flight Recorder events";
  }
}
