package com.acme.shop;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.ExecutionContext;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.FallbackHandler;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class compiled without the posa4j processor whose methods carry posa4j annotations: with the
 * agent, each policy applies to the method's own bytecode. Counters show how often bodies ran.
 */
public class AnnotatedShop {
  /** Not a constant: reading it needs this class initialised, which its fallback handler does. */
  static final String APOLOGY = String.join(" ", "no", "reviews", "for");

  final AtomicInteger attempts = new AtomicInteger();
  final AtomicInteger bodies = new AtomicInteger();
  CountDownLatch inside;
  CountDownLatch release;
  volatile boolean interruptedInBody;

  /** Fails twice, then succeeds. */
  @Retry(maxRetries = 3, jitter = 0)
  public String restock(String item) {
    if (attempts.incrementAndGet() < 3) {
      throw new IllegalStateException("warehouse busy");
    }
    return "restocked " + item;
  }

  /** Reassigns its parameter, then fails once: the retry must see the original argument. */
  @Retry(maxRetries = 1, jitter = 0)
  public String label(int copies) {
    copies = copies * 10;
    if (attempts.incrementAndGet() == 1) {
      throw new IllegalStateException("printer jammed");
    }
    return "printed " + copies + " labels";
  }

  /** Always fails, with a checked exception. */
  @Retry(maxRetries = 2, jitter = 0, retryOn = java.io.IOException.class)
  public void ship(String item) throws java.io.IOException {
    attempts.incrementAndGet();
    throw new java.io.IOException("no courier for " + item);
  }

  /** Retries, but not on an IllegalArgumentException. */
  @Retry(maxRetries = 5, jitter = 0, abortOn = IllegalArgumentException.class)
  public int count(int shelf) {
    attempts.incrementAndGet();
    throw new IllegalArgumentException("no shelf " + shelf);
  }

  /** Always fails; its breaker opens after 4 calls, half of them failed. */
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
  public long price(String item) {
    bodies.incrementAndGet();
    throw new IllegalStateException("price list unavailable");
  }

  /** At most 2 at once: waits inside until released. */
  @Bulkhead(2)
  public String pack(String item) throws InterruptedException {
    inside.countDown();
    release.await();
    return "packed " + item;
  }

  /** Sleeps far longer than its timeout. */
  @Timeout(200)
  public String weigh(String item) {
    try {
      Thread.sleep(30_000);
      return "weighed " + item;
    } catch (InterruptedException e) {
      interruptedInBody = true;
      return "woken";
    }
  }

  /** Fails; answered by a private method of this class. */
  @Fallback(fallbackMethod = "cachedDiscount")
  public int discount(int percent) {
    throw new IllegalStateException("pricing down");
  }

  private int cachedDiscount(int percent) {
    return percent / 2;
  }

  /** Fails; answered by a handler class. */
  @Fallback(Apology.class)
  public String review(String item) {
    throw new IllegalStateException("reviews down");
  }

  /** The handler of {@link #review}. */
  public static class Apology implements FallbackHandler<String> {
    // Reads the woven class: constructing this handler while that class loads could not work.
    private final String apology = APOLOGY;

    @Override
    public String handle(ExecutionContext context) {
      return apology + " " + context.parameters()[0] + " (" + context.failure().getMessage() + ")";
    }
  }

  /** A static method, retried. */
  @Retry(maxRetries = 1, jitter = 0)
  public static String audit(AtomicInteger calls) {
    if (calls.incrementAndGet() == 1) {
      throw new IllegalStateException("ledger locked");
    }
    return "audited after " + calls.get();
  }

  /** Asynchronous: the first stage fails, the retry succeeds. */
  @Retry(maxRetries = 2, jitter = 0)
  public CompletionStage<String> deliver(String item) {
    if (attempts.incrementAndGet() == 1) {
      return CompletableFuture.failedFuture(new IllegalStateException("van broke down"));
    }
    return CompletableFuture.completedFuture("delivered " + item + " after " + attempts.get() + " attempts");
  }

  /** Asynchronous: never completes; its timeout completes the caller's stage. */
  @Timeout(200)
  public CompletableFuture<String> track(String parcel) {
    bodies.incrementAndGet();
    return new CompletableFuture<>();
  }

  /** Asynchronous: fails, answered by an asynchronous fallback method. */
  @Fallback(fallbackMethod = "pickUpInStore")
  public CompletionStage<String> courier(String item) {
    throw new IllegalStateException("no courier");
  }

  CompletionStage<String> pickUpInStore(String item) {
    return CompletableFuture.completedFuture("pick up " + item + " in store");
  }
}
