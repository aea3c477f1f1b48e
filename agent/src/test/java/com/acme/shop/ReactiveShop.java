package com.acme.shop;

import io.github.posa4j.annotation.Retry;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import reactor.core.publisher.Mono;

/**
 * Methods whose return types the policies cannot understand, which the agent must leave unwoven,
 * next to one it weaves.
 */
public class ReactiveShop {
  @Retry(maxRetries = 1, jitter = 0)
  public Mono<String> quote() {
    return Mono.just("quoted");
  }

  @Retry(maxRetries = 1, jitter = 0)
  public Future<String> later() {
    FutureTask<String> task = new FutureTask<>(() -> "later");
    task.run();
    return task;
  }

  @Retry(maxRetries = 1, jitter = 0)
  public String now() {
    return "now";
  }
}
