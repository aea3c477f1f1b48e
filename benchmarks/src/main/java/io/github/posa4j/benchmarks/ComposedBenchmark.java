package io.github.posa4j.benchmarks;

import dev.failsafe.Failsafe;
import io.github.posa4j.resilience.CircuitState;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.openjdk.jmh.annotations.Setup;

/**
 * Retry(CircuitBreaker(Bulkhead(call))), posa4j's order, in all three libraries (configurations in
 * {@link Policies}; Resilience4j's decorators nested by hand, which is what its {@code Decorators}
 * builds; Failsafe's {@code with(retry).compose(breaker).compose(bulkhead)}).
 *
 * <ul>
 *   <li>{@code success}: the first attempt succeeds through a closed breaker and a bulkhead of 10
 *       free slots; the headline figure: what the whole stack costs a healthy call.
 *   <li>{@code failure}: the body always fails and the breaker is open (the setup fails calls
 *       until it opens; it stays open for an hour). Each measured call makes 4 attempts
 *       (1 + 3 retries, no delay), each rejected by the open breaker, and ends with the breaker's
 *       rejection exception; the body and the bulkhead are never reached.
 * </ul>
 */
public class ComposedBenchmark extends LibraryComparison {
  /** Builds the stacks, and opens their breakers on the failure path. */
  @Setup
  public void setUp() {
    Backend backend = backend();

    usePosa4j(FaultTolerance.builder("benchmarks.Backend/fetch")
        .retry(Policies.posa4jRetry())
        .circuitBreaker(Policies.posa4jCircuitBreaker())
        .bulkhead(Policies.posa4jBulkhead(Policies.SLOTS))
        .build(), backend);

    CircuitBreaker r4jBreaker = Policies.resilience4jCircuitBreaker();
    resilience4j = Retry.decorateCallable(Policies.resilience4jRetry(),
        CircuitBreaker.decorateCallable(r4jBreaker,
            Bulkhead.decorateCallable(Policies.resilience4jBulkhead(Policies.SLOTS), backend::fetch)));

    dev.failsafe.CircuitBreaker<Integer> failsafeBreaker = Policies.failsafeCircuitBreaker();
    failsafe = Failsafe.with(Policies.failsafeRetry())
        .compose(failsafeBreaker)
        .compose(Policies.failsafeBulkhead(Policies.SLOTS));
    failsafeBody = backend::fetch;

    if (failurePath()) {
      failUntilOpen("posa4j", () -> posa4j.call(posa4jBody),
          () -> posa4j.circuitState().orElseThrow() == CircuitState.OPEN);
      failUntilOpen("Resilience4j", resilience4j,
          () -> r4jBreaker.getState() == CircuitBreaker.State.OPEN);
      failUntilOpen("Failsafe", () -> failsafe.get(failsafeBody), failsafeBreaker::isOpen);
    }
  }
}
