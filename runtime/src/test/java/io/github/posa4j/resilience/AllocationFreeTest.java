package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The enter/exit style allocates nothing on the success path of a synchronous call without a
 * timeout. This is a property of the code, not a speed: it holds even in the interpreter, so it is
 * checked here with the JVM's per-thread allocation counter. JMH's {@code -prof gc} shows the same
 * in {@code benchmarks/}.
 */
class AllocationFreeTest {
  private static final int CALLS = 100_000;

  @Test
  void composedSuccessPathAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocations");
    threads.setThreadAllocatedMemoryEnabled(true);
    FaultTolerance policy = FaultTolerance.builder("alloc/composed")
        .retry(RetryPolicy.builder().build())
        .circuitBreaker(CircuitBreakerPolicy.builder().build())
        .bulkhead(BulkheadPolicy.of(10))
        .build();
    long threadId = Thread.currentThread().getId();

    long sum = 0;
    for (int i = 0; i < 20_000; i++) { // warm up, and fill the breaker's window
      sum += protectedCall(policy, i);
    }
    long emptyMeasurement = -threads.getThreadAllocatedBytes(threadId) + threads.getThreadAllocatedBytes(threadId);
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < CALLS; i++) {
      sum += protectedCall(policy, i);
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before - emptyMeasurement;

    assertThat(sum).isPositive();
    // The smallest object takes 16 bytes, so one allocation per call would show as 1.6 MB. The
    // bound leaves room for the few bytes the JVM itself may charge to this thread once, when
    // the JIT replaces the interpreted loop (seen: up to a few hundred bytes after other tests).
    assertThat(allocated).as("bytes allocated by %d protected calls", CALLS).isLessThan(CALLS);
  }

  /** The loop generated code runs, with a body that returns its argument. */
  private static int protectedCall(FaultTolerance policy, int argument) {
    long retryingSince = 0L;
    for (int attempt = 0; ; attempt++) {
      Throwable failure;
      try {
        Permit permit = policy.enter();
        int result;
        try {
          result = argument + 1;
        } catch (Throwable t) {
          throw policy.failed(permit, t);
        }
        policy.succeeded(permit);
        return result;
      } catch (Throwable t) {
        failure = t;
      }
      if (attempt == 0) {
        retryingSince = policy.retryStartTime();
      }
      if (!policy.retryAfter(failure, attempt, retryingSince)) {
        throw FaultTolerance.propagate(failure);
      }
    }
  }
}
