package com.acme.shop;

import io.github.posa4j.annotation.Retry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** An asynchronous method retried by the agent, and overridden by {@link ExpressParcels}. */
public class Parcels {
  final AtomicInteger bodies = new AtomicInteger();

  @Retry(maxRetries = 2, jitter = 0)
  public CompletionStage<String> send(String parcel) {
    if (bodies.incrementAndGet() == 1) {
      return CompletableFuture.failedFuture(new IllegalStateException("sorting belt stopped"));
    }
    return CompletableFuture.completedFuture("sent " + parcel);
  }
}
