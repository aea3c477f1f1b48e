package io.github.posa4j.benchmarks;

import dev.failsafe.Failsafe;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.resilience4j.bulkhead.Bulkhead;
import org.openjdk.jmh.annotations.Setup;

/**
 * A bulkhead alone (configurations in {@link Policies}).
 *
 * <ul>
 *   <li>{@code success}: a bulkhead of 10 slots, all free; measures taking and releasing a slot.
 *   <li>{@code failure}: a bulkhead of 1 slot whose permit the setup takes and never gives back
 *       (no parked thread needed), so every measured call is rejected at once without running
 *       the body; measures the rejection path (including creating the rejection exception).
 * </ul>
 */
public class BulkheadBenchmark extends LibraryComparison {
  /** Builds the bulkheads, and fills them on the failure path. */
  @Setup
  public void setUp() {
    Backend backend = backend();
    int slots = failurePath() ? 1 : Policies.SLOTS;

    usePosa4j(FaultTolerance.builder("benchmarks.Backend/fetch")
        .bulkhead(Policies.posa4jBulkhead(slots))
        .build(), backend);

    Bulkhead r4jBulkhead = Policies.resilience4jBulkhead(slots);
    resilience4j = Bulkhead.decorateCallable(r4jBulkhead, backend::fetch);

    dev.failsafe.Bulkhead<Integer> failsafeBulkhead = Policies.failsafeBulkhead(slots);
    failsafe = Failsafe.with(failsafeBulkhead);
    failsafeBody = backend::fetch;

    if (failurePath()) {
      posa4j.enter(); // the permit is never handed back: the only slot stays taken
      if (posa4j.bulkheadInUse() != 1
          || !r4jBulkhead.tryAcquirePermission()
          || !failsafeBulkhead.tryAcquirePermit()) {
        throw new IllegalStateException("could not take the only slot of every bulkhead");
      }
    }
  }
}
