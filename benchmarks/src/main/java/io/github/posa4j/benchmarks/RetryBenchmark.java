package io.github.posa4j.benchmarks;

import dev.failsafe.Failsafe;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.resilience4j.retry.Retry;
import org.openjdk.jmh.annotations.Setup;

/**
 * A retry alone: at most 3 retries, no delay, no jitter (configurations in {@link Policies}).
 *
 * <ul>
 *   <li>{@code success}: the first attempt succeeds; measures the bookkeeping of a call that
 *       never retries.
 *   <li>{@code failure}: the body always fails, so every measured call makes 4 attempts
 *       (1 + 3 retries) with no pause between them and then rethrows the body's exception;
 *       measures 4 body calls plus the retry decisions.
 * </ul>
 */
public class RetryBenchmark extends LibraryComparison {
  /** Builds the retries. */
  @Setup
  public void setUp() {
    Backend backend = backend();

    usePosa4j(FaultTolerance.builder("benchmarks.Backend/fetch")
        .retry(Policies.posa4jRetry())
        .build(), backend);

    resilience4j = Retry.decorateCallable(Policies.resilience4jRetry(), backend::fetch);

    failsafe = Failsafe.with(Policies.failsafeRetry());
    failsafeBody = backend::fetch;
  }
}
