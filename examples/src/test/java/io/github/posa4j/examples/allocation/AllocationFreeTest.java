package io.github.posa4j.examples.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A generated decorator allocates nothing on the success path of a synchronous call without a
 * timeout ({@code ResilientMeter}, generated from {@link Meter}). This is a property of the code,
 * not a speed: it holds even in the interpreter, so it is checked here with the JVM's per-thread
 * allocation counter. JMH's {@code -prof gc} shows the same in {@code benchmarks/}; the agent's
 * {@code WovenAllocationIT} checks the woven method.
 */
class AllocationFreeTest {
  private static final int CALLS = 100_000;

  @Test
  void generatedDecoratorAllocatesNothingOnSuccess() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocations");
    threads.setThreadAllocatedMemoryEnabled(true);
    Meter meter = new ResilientMeter();
    long threadId = Thread.currentThread().getId();

    long sum = 0;
    for (int i = 0; i < 20_000; i++) { // warm up, and fill the breaker's window
      sum += meter.next(i);
    }
    assertThat(FaultToleranceRegistry.global().find(Meter.class.getName() + "/next(int)"))
        .as("the decorator's policies").isPresent();
    long emptyMeasurement = -threads.getThreadAllocatedBytes(threadId) + threads.getThreadAllocatedBytes(threadId);
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < CALLS; i++) {
      sum += meter.next(i);
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before - emptyMeasurement;

    assertThat(sum).isPositive();
    // The smallest object takes 16 bytes, so one allocation per call would show as 1.6 MB. The
    // bound leaves room for the few bytes the JVM itself may charge to this thread once, when
    // the JIT replaces the interpreted loop (seen: up to a few hundred bytes after other tests).
    assertThat(allocated).as("bytes allocated by %d protected calls", CALLS).isLessThan(CALLS);
  }
}
