package io.github.posa4j.benchmarks;

import dev.failsafe.Failsafe;
import io.github.posa4j.resilience.CircuitState;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.openjdk.jmh.annotations.Setup;

/**
 * A circuit breaker alone (configurations in {@link Policies}).
 *
 * <ul>
 *   <li>{@code success}: the breaker is closed and the body returns; measures admitting the call
 *       and recording a success in the window.
 *   <li>{@code failure}: the breaker is open. The setup opens it the honest way, by failing calls
 *       until it opens, and it stays open for an hour; every measured call is rejected without
 *       running the body, so this measures the fail-fast path (including creating the
 *       rejection exception).
 * </ul>
 */
public class CircuitBreakerBenchmark extends LibraryComparison {
  /** Builds the breakers, and opens them on the failure path. */
  @Setup
  public void setUp() {
    Backend backend = backend();

    usePosa4j(FaultTolerance.builder("benchmarks.Backend/fetch")
        .circuitBreaker(Policies.posa4jCircuitBreaker())
        .build(), backend);

    CircuitBreaker r4jBreaker = Policies.resilience4jCircuitBreaker();
    resilience4j = CircuitBreaker.decorateCallable(r4jBreaker, backend::fetch);

    dev.failsafe.CircuitBreaker<Integer> failsafeBreaker = Policies.failsafeCircuitBreaker();
    failsafe = Failsafe.with(failsafeBreaker);
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
