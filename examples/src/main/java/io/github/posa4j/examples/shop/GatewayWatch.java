package io.github.posa4j.examples.shop;

import io.github.posa4j.resilience.BulkheadFullException;
import io.github.posa4j.resilience.CircuitState;
import io.github.posa4j.resilience.FaultToleranceException;
import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.TimeoutExceededException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells, as they happen, what the policies of one method do (retries, timeouts, the breaker's
 * changes of state, rejections, fallbacks), one indented line each, and counts them.
 */
final class GatewayWatch implements FaultToleranceListener {
  private final String method;
  private final PrintStream out;
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger timeouts = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicInteger rejectedByBreaker = new AtomicInteger();
  private final AtomicInteger rejectedByBulkhead = new AtomicInteger();
  private final AtomicInteger fallbacks = new AtomicInteger();

  /** Watches the policies of {@code method} (a policy key), telling on {@code out}. */
  GatewayWatch(String method, PrintStream out) {
    this.method = method;
    this.out = out;
  }

  @Override
  public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
    if (watched(method)) {
      retries.incrementAndGet();
      tell("retry " + retry + " after " + describe(failure));
    }
  }

  @Override
  public void onTimeout(String method, TimeoutExceededException timeout) {
    if (watched(method)) {
      timeouts.incrementAndGet();
      tell("timeout: the attempt took longer than " + PaymentGateway.TIMEOUT_MILLIS + " ms and was interrupted");
    }
  }

  @Override
  public void onStateChange(String method, CircuitState from, CircuitState to) {
    if (watched(method)) {
      if (to == CircuitState.OPEN) {
        opened.incrementAndGet();
      } else if (to == CircuitState.CLOSED) {
        closed.incrementAndGet();
      }
      tell("breaker " + from + " -> " + to);
    }
  }

  @Override
  public void onRejected(String method, FaultToleranceException rejection) {
    if (watched(method)) {
      boolean bulkhead = rejection instanceof BulkheadFullException;
      (bulkhead ? rejectedByBulkhead : rejectedByBreaker).incrementAndGet();
      tell("rejected by the " + (bulkhead ? "bulkhead" : "breaker") + " without a request: " + rejection.getMessage());
    }
  }

  @Override
  public void onFallback(String method, Throwable failure) {
    if (watched(method)) {
      fallbacks.incrementAndGet();
      tell("fallback after " + failure.getClass().getSimpleName());
    }
  }

  int retries() {
    return retries.get();
  }

  int timeouts() {
    return timeouts.get();
  }

  int timesOpened() {
    return opened.get();
  }

  int timesClosed() {
    return closed.get();
  }

  int rejectedByBreaker() {
    return rejectedByBreaker.get();
  }

  int rejectedByBulkhead() {
    return rejectedByBulkhead.get();
  }

  int fallbacks() {
    return fallbacks.get();
  }

  private boolean watched(String method) {
    return this.method.equals(method);
  }

  private void tell(String line) {
    out.println("     | " + line);
  }

  static String describe(Throwable failure) {
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
