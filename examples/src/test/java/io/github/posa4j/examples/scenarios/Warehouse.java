package io.github.posa4j.examples.scenarios;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The class both front ends protect in the shared scenarios: the processor through the generated
 * {@code ResilientWarehouse}, the agent by weaving these very methods. Counters record how often
 * each body ran, so that the scenarios can tell a retry from a skipped call.
 */
public class Warehouse {
  final AtomicInteger runs = new AtomicInteger();
  volatile CountDownLatch inside = new CountDownLatch(0);
  volatile CountDownLatch release = new CountDownLatch(0);
  volatile boolean interrupted;

  @Retry(maxRetries = 3, jitter = 0)
  public String restock(String item) {
    if (runs.incrementAndGet() < 3) {
      throw new IllegalStateException("dock busy");
    }
    return "restocked " + item;
  }

  @Retry(maxRetries = 2, jitter = 0, abortOn = IllegalArgumentException.class)
  public void ship(String item) throws IOException {
    runs.incrementAndGet();
    if (item.isEmpty()) {
      throw new IllegalArgumentException("nothing to ship");
    }
    throw new IOException("no courier for " + item);
  }

  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
  @Retry(maxRetries = 1, jitter = 0, abortOn = io.github.posa4j.resilience.CircuitBreakerOpenException.class)
  public int count(String shelf) {
    runs.incrementAndGet();
    throw new IllegalStateException("scanner down");
  }

  @Bulkhead(1)
  public String pack(String item) throws InterruptedException {
    inside.countDown();
    release.await();
    return "packed " + item;
  }

  @Timeout(150)
  @Fallback(fallbackMethod = "estimatedWeight")
  public long weigh(String item) {
    try {
      Thread.sleep(30_000);
      return 1;
    } catch (InterruptedException e) {
      interrupted = true;
      return -1;
    }
  }

  long estimatedWeight(String item) {
    return item.length() * 100L;
  }

  @Retry(maxRetries = 2, jitter = 0)
  @Fallback(fallbackMethod = "pickUp")
  public CompletionStage<String> deliver(String item) {
    if (runs.incrementAndGet() < 2) {
      return CompletableFuture.failedFuture(new IllegalStateException("van broke down"));
    }
    if (item.equals("piano")) {
      throw new IllegalStateException("too heavy");
    }
    return CompletableFuture.completedFuture("delivered " + item);
  }

  CompletionStage<String> pickUp(String item) {
    return CompletableFuture.completedFuture("pick up " + item + " at the warehouse");
  }

  @Timeout(150)
  public CompletionStage<String> track(String parcel) {
    runs.incrementAndGet();
    return new CompletableFuture<>();
  }
}
