package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.resilience.internal.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Many threads on one policy set, with exact counts: nothing lost, nothing counted twice, no limit
 * exceeded, no interrupt left behind.
 */
class ResilienceStressTest {
  private static final int THREADS = 16;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void bulkheadNeverExceedsItsLimitAndCountsEveryCall() throws Exception {
    int limit = 4;
    int callsPerThread = 5_000;
    FaultTolerance policy = FaultTolerance.builder("stress/bulkhead")
        .bulkhead(BulkheadPolicy.of(limit))
        .build();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    LongAdder executed = new LongAdder();
    LongAdder rejected = new LongAdder();

    runOnAllThreads(() -> {
      for (int i = 0; i < callsPerThread; i++) {
        Permit permit;
        try {
          permit = policy.enter();
        } catch (BulkheadFullException full) {
          rejected.increment();
          continue;
        }
        int now = inside.incrementAndGet();
        maxInside.accumulateAndGet(now, Math::max);
        executed.increment();
        Thread.onSpinWait();
        inside.decrementAndGet();
        policy.succeeded(permit);
      }
    });

    assertThat(maxInside.get()).isBetween(1, limit);
    assertThat(executed.sum() + rejected.sum()).isEqualTo((long) THREADS * callsPerThread);
    assertThat(policy.bulkheadInUse()).isZero();
  }

  @Test
  void breakerRecordsEveryOutcomeExactlyOnce() throws Exception {
    int callsPerThread = 2_000;
    int total = THREADS * callsPerThread;
    FaultTolerance policy = FaultTolerance.builder("stress/window")
        .circuitBreaker(CircuitBreakerPolicy.builder()
            .requestVolumeThreshold(total + 1) // never full, so it never judges and counts everything
            .build())
        .build();
    LongAdder failures = new LongAdder();

    runOnAllThreads(() -> {
      for (int i = 0; i < callsPerThread; i++) {
        Permit permit = policy.enter();
        if (i % 3 == 0) {
          failures.increment();
          policy.failed(permit, new IllegalStateException("failure " + i));
        } else {
          policy.succeeded(permit);
        }
      }
    });

    CircuitBreakerState breaker = policy.breakerState();
    assertThat(breaker.windowCalls()).isEqualTo(total);
    assertThat(breaker.windowFailures()).isEqualTo(failures.intValue());
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
  }

  @RepeatedTest(20)
  void halfOpenAdmitsExactlySuccessThresholdTrialCalls() throws Exception {
    int successThreshold = 5;
    FaultTolerance policy = FaultTolerance.builder("stress/halfOpen")
        .circuitBreaker(CircuitBreakerPolicy.builder()
            .requestVolumeThreshold(2)
            .failureRatio(1)
            .successThreshold(successThreshold)
            .delay(Duration.ofMillis(1))
            .build())
        .build();
    openAndWaitForDelay(policy);

    CyclicBarrier start = new CyclicBarrier(THREADS);
    CountDownLatch trialsMayFinish = new CountDownLatch(1);
    CountDownLatch allTried = new CountDownLatch(THREADS);
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tasks.add(pool.submit(() -> {
        start.await();
        Permit permit;
        try {
          permit = policy.enter();
        } catch (CircuitBreakerOpenException open) {
          rejected.incrementAndGet();
          allTried.countDown();
          return null;
        }
        admitted.incrementAndGet();
        allTried.countDown();
        trialsMayFinish.await();
        policy.succeeded(permit);
        return null;
      }));
    }
    assertThat(allTried.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(admitted.get()).isEqualTo(successThreshold);
    assertThat(rejected.get()).isEqualTo(THREADS - successThreshold);
    assertThat(policy.circuitState()).contains(CircuitState.HALF_OPEN);

    trialsMayFinish.countDown();
    for (Future<?> task : tasks) {
      task.get(10, TimeUnit.SECONDS);
    }
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
  }

  @RepeatedTest(10)
  void oneFailingTrialReopensWhateverTheOthersDo() throws Exception {
    int successThreshold = 4;
    FaultTolerance policy = FaultTolerance.builder("stress/halfOpenFailure")
        .circuitBreaker(CircuitBreakerPolicy.builder()
            .requestVolumeThreshold(2)
            .failureRatio(1)
            .successThreshold(successThreshold)
            .delay(Duration.ofMillis(1))
            .build())
        .build();
    openAndWaitForDelay(policy);

    CyclicBarrier start = new CyclicBarrier(successThreshold);
    CyclicBarrier allAdmitted = new CyclicBarrier(successThreshold);
    AtomicInteger trial = new AtomicInteger();
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < successThreshold; t++) {
      tasks.add(pool.submit(() -> {
        start.await();
        Permit permit = policy.enter();
        allAdmitted.await();
        if (trial.getAndIncrement() == 0) {
          policy.failed(permit, new IllegalStateException("trial failed"));
        } else {
          policy.succeeded(permit);
        }
        return null;
      }));
    }
    for (Future<?> task : tasks) {
      task.get(10, TimeUnit.SECONDS);
    }
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
  }

  @Test
  void noThreadIsLeftInterruptedAfterTimeouts() throws Exception {
    long timeoutMicros = 2_000;
    FaultTolerance policy = FaultTolerance.builder("stress/timeout")
        .timeout(TimeoutPolicy.of(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(timeoutMicros))))
        .build();
    int callsPerThread = 60;
    LongAdder timedOut = new LongAdder();
    LongAdder completed = new LongAdder();
    LongAdder interruptLeaks = new LongAdder();

    runOnAllThreads(() -> {
      for (int i = 0; i < callsPerThread; i++) {
        // Busy work around the deadline, so that the deadline and the return race each other.
        long spinNanos = TimeUnit.MICROSECONDS.toNanos(
            ThreadLocalRandom.current().nextLong(timeoutMicros / 2, timeoutMicros * 3 / 2));
        if (Thread.currentThread().isInterrupted()) {
          interruptLeaks.increment(); // an interrupt aimed at an earlier call arrived late
        }
        try {
          policy.call(() -> {
            long end = System.nanoTime() + spinNanos;
            while (System.nanoTime() < end) {
              Thread.onSpinWait();
            }
            return null;
          });
          completed.increment();
        } catch (TimeoutExceededException timeout) {
          timedOut.increment();
        }
        if (Thread.currentThread().isInterrupted()) {
          interruptLeaks.increment();
        }
      }
    });

    assertThat(interruptLeaks.sum()).isZero();
    assertThat(timedOut.sum() + completed.sum()).isEqualTo((long) THREADS * callsPerThread);
  }

  @Test
  void asyncBulkheadRunsOrRejectsEveryCallAndNeverExceedsItsLimit() throws Exception {
    int limit = 4;
    int queue = 8;
    int callsPerThread = 500;
    FaultTolerance policy = FaultTolerance.builder("stress/asyncBulkhead")
        .bulkhead(BulkheadPolicy.of(limit, queue))
        .build();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    LongAdder ran = new LongAdder();
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    Object lock = new Object();
    try {
      runOnAllThreads(() -> {
        List<CompletableFuture<Integer>> mine = new ArrayList<>();
        for (int i = 0; i < callsPerThread; i++) {
          int value = i;
          mine.add(policy.callAsync(() -> {
            int now = inside.incrementAndGet();
            maxInside.accumulateAndGet(now, Math::max);
            ran.increment();
            return CompletableFuture.supplyAsync(() -> {
              inside.decrementAndGet();
              return value;
            }, workers);
          }));
        }
        synchronized (lock) {
          results.addAll(mine);
        }
      });
      int succeeded = 0;
      int rejected = 0;
      for (CompletableFuture<Integer> result : results) {
        try {
          result.get(10, TimeUnit.SECONDS);
          succeeded++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(BulkheadFullException.class);
          rejected++;
        }
      }
      assertThat(succeeded + rejected).isEqualTo(THREADS * callsPerThread);
      assertThat(ran.sum()).isEqualTo(succeeded);
      assertThat(maxInside.get()).isBetween(1, limit);
      assertThat(policy.bulkheadInUse()).isZero();
      assertThat(policy.bulkheadWaiting()).isZero();
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void breakerAndBulkheadTogetherStayConsistentWhileTheBreakerOpensAndCloses() throws Exception {
    int callsPerThread = 3_000;
    List<CircuitState[]> transitions = java.util.Collections.synchronizedList(new ArrayList<>());
    FaultTolerance policy = FaultTolerance.builder("stress/breakerAndBulkhead")
        .circuitBreaker(CircuitBreakerPolicy.builder()
            .requestVolumeThreshold(10)
            .failureRatio(0.5)
            .successThreshold(2)
            .delay(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(200)))
            .build())
        .bulkhead(BulkheadPolicy.of(3))
        .listener(new FaultToleranceListener() {
          @Override
          public void onStateChange(String method, CircuitState from, CircuitState to) {
            transitions.add(new CircuitState[] {from, to});
          }
        })
        .build();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    LongAdder executed = new LongAdder();
    LongAdder open = new LongAdder();
    LongAdder full = new LongAdder();

    runOnAllThreads(() -> {
      for (int i = 0; i < callsPerThread; i++) {
        Permit permit;
        try {
          permit = policy.enter();
        } catch (CircuitBreakerOpenException e) {
          open.increment();
          continue;
        } catch (BulkheadFullException e) {
          full.increment();
          continue;
        }
        int now = inside.incrementAndGet();
        maxInside.accumulateAndGet(now, Math::max);
        executed.increment();
        inside.decrementAndGet();
        if (ThreadLocalRandom.current().nextInt(3) == 0) { // fails often enough to open the breaker
          policy.failed(permit, new IllegalStateException("flaky"));
        } else {
          policy.succeeded(permit);
        }
      }
    });

    assertThat(executed.sum() + open.sum() + full.sum()).isEqualTo((long) THREADS * callsPerThread);
    assertThat(maxInside.get()).isBetween(1, 3);
    assertThat(policy.bulkheadInUse()).isZero();
    assertThat(transitions).as("the breaker opened and closed during the run").hasSizeGreaterThan(2);
    CircuitState previous = CircuitState.CLOSED;
    for (CircuitState[] change : transitions) {
      assertThat(change[0]).as("each change starts where the one before ended").isEqualTo(previous);
      previous = change[1];
    }
    assertThat(policy.circuitState()).contains(previous);
  }

  @Test
  void asyncTimeoutsRacingIntoTheBulkheadFromManyThreadsLeaveItsCountsIntact() throws Exception {
    int callsPerThread = 300;
    FaultTolerance policy = FaultTolerance.builder("stress/asyncTimeouts")
        .timeout(TimeoutPolicy.of(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(500))))
        .bulkhead(BulkheadPolicy.of(2, 4))
        .build();
    java.util.concurrent.ScheduledExecutorService completer = Executors.newScheduledThreadPool(2);
    List<CompletableFuture<String>> results = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<CompletableFuture<String>> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      runOnAllThreads(() -> {
        for (int i = 0; i < callsPerThread; i++) {
          results.add(policy.callAsync(() -> {
            CompletableFuture<String> stage = new CompletableFuture<>();
            bodies.add(stage);
            completer.schedule(() -> stage.complete("done"),
                ThreadLocalRandom.current().nextLong(1_000), TimeUnit.MICROSECONDS);
            return stage;
          }));
        }
      });
      int succeeded = 0;
      int timedOut = 0;
      int rejected = 0;
      for (CompletableFuture<String> result : results) {
        try {
          result.get(10, TimeUnit.SECONDS);
          succeeded++;
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof TimeoutExceededException) {
            timedOut++;
          } else {
            assertThat(e.getCause()).isInstanceOf(BulkheadFullException.class);
            rejected++;
          }
        }
      }
      assertThat(succeeded + timedOut + rejected).isEqualTo(THREADS * callsPerThread);
      assertThat(bodies.size()).isLessThanOrEqualTo(succeeded + timedOut);
      for (CompletableFuture<String> body : bodies) {
        body.get(10, TimeUnit.SECONDS);
      }
      // A slot is released by the body's completion callback, which may run just after get() returns.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (policy.bulkheadInUse() != 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(policy.bulkheadInUse()).isZero();
      assertThat(policy.bulkheadWaiting()).isZero();
    } finally {
      completer.shutdownNow();
    }
  }

  /**
   * Callers cancel half of their calls at once, while the calls wait, start or run: every call
   * that is not cancelled completes, and afterwards the bulkhead has exactly its slots and places
   * again, none lost to a cancelled call and none counted twice.
   */
  @Test
  void cancellationsRacingTheQueueLoseNoCallAndLeaveEverySlotAndPlace() throws Exception {
    int callsPerThread = 1_000;
    FaultTolerance policy = FaultTolerance.builder("stress/asyncCancellations")
        .bulkhead(BulkheadPolicy.of(2, 4))
        .build();
    ExecutorService completer = Executors.newFixedThreadPool(2);
    List<CompletableFuture<Integer>> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      runOnAllThreads(() -> {
        for (int i = 0; i < callsPerThread; i++) {
          CompletableFuture<Integer> result = policy.callAsync(() -> CompletableFuture.supplyAsync(() -> 1, completer));
          if (ThreadLocalRandom.current().nextBoolean()) {
            result.cancel(false);
          } else {
            kept.add(result);
          }
        }
      });
      for (CompletableFuture<Integer> result : kept) {
        Object outcome = result.handle((value, failure) -> failure == null ? value : failure).get(10, TimeUnit.SECONDS);
        assertThat(outcome).as("a call not cancelled ran or was turned away")
            .satisfiesAnyOf(o -> assertThat(o).isEqualTo(1), o -> assertThat(o).isInstanceOf(BulkheadFullException.class));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while ((policy.bulkheadInUse() != 0 || policy.bulkheadWaiting() != 0) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(100_000); // the last slots are released by callbacks on the completer's threads
      }
      assertThat(policy.bulkheadInUse()).isZero();
      assertThat(policy.bulkheadWaiting()).isZero();

      List<CompletableFuture<Integer>> held = new ArrayList<>();
      CompletableFuture<Integer> never = new CompletableFuture<>();
      for (int i = 0; i < 6; i++) {
        held.add(policy.callAsync(() -> never));
      }
      assertThat(held).as("2 running and 4 waiting, as before the run").allMatch(call -> !call.isDone());
      assertThat(policy.callAsync(() -> never)).isCompletedExceptionally();
      never.complete(0);
      for (CompletableFuture<Integer> call : held) {
        assertThat(call.get(10, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      completer.shutdownNow();
    }
  }

  private static void openAndWaitForDelay(FaultTolerance policy) {
    for (int i = 0; i < 2; i++) {
      Permit permit = policy.enter();
      policy.failed(permit, new IllegalStateException("opening"));
    }
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    long delayOver = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2);
    while (System.nanoTime() < delayOver) {
      Thread.onSpinWait();
    }
  }

  private interface Task {
    void run() throws Exception;
  }

  private void runOnAllThreads(Task task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> {
        start.await();
        task.run();
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
  }
}
