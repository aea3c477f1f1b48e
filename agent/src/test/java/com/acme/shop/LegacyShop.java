package com.acme.shop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class with no posa4j annotation at all: only the keys in {@code keys.properties} protect it,
 * through the agent.
 */
public class LegacyShop {
  final AtomicInteger attempts = new AtomicInteger();

  /** Fails twice, then succeeds; keys add a retry. */
  public String order(String item) {
    if (attempts.incrementAndGet() < 3) {
      throw new IllegalStateException("order desk busy");
    }
    return "ordered " + item;
  }

  /** Two overloads: a key narrowed to {@code quote(int)} protects only that one. */
  public String quote(int cents) {
    attempts.incrementAndGet();
    throw new IllegalStateException("no quote for " + cents);
  }

  public String quote(String item) {
    attempts.incrementAndGet();
    throw new IllegalStateException("no quote for " + item);
  }

  /** Always fails; keys add a breaker with its defaults and a static fallback of another class. */
  public String invoice(String customer, long cents) {
    attempts.incrementAndGet();
    throw new IllegalStateException("billing down");
  }

  /** Asynchronous, failing once; keys add a retry. */
  public CompletionStage<String> notifyCustomer(String customer) {
    if (attempts.incrementAndGet() == 1) {
      return CompletableFuture.failedFuture(new IllegalStateException("mail server down"));
    }
    return CompletableFuture.completedFuture("notified " + customer);
  }
}
