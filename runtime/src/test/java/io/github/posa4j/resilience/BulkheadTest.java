package io.github.posa4j.resilience;

import static io.github.posa4j.resilience.Harness.failureOf;
import static io.github.posa4j.resilience.Harness.inNewThread;
import static io.github.posa4j.resilience.Harness.letTimePass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.Harness.ScriptedFailure;
import io.github.posa4j.resilience.Harness.Style;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bulkhead as MicroProfile Fault Tolerance specifies it (TCK {@code BulkheadSynchTest},
 * {@code BulkheadAsynchTest}, {@code BulkheadSynchRetryTest}, {@code BulkheadTimeoutTest}): at most
 * {@code value} calls inside at once, the next one rejected with {@link BulkheadFullException};
 * a slot is freed when a call ends however it ends, and during a retry delay. Asynchronous calls
 * ({@code CompletionStage}) hold their slot until their stage completes, may wait in a queue of
 * {@code waitingTaskQueue} places, and are rejected through the returned stage, never by a throw.
 * A queued call that times out leaves the queue and never runs. A rejection carries no stack trace.
 */
class BulkheadTest {
  private static final String METHOD = "com.acme.Reports/render";

  /** Calls held inside the protected body until released. */
  private static final class Gate implements Callable<String> {
    final CountDownLatch inside;
    final CountDownLatch leave = new CountDownLatch(1);

    Gate(int calls) {
      this.inside = new CountDownLatch(calls);
    }

    @Override
    public String call() throws InterruptedException {
      inside.countDown();
      assertThat(leave.await(5, TimeUnit.SECONDS)).as("released by the test").isTrue();
      return "held";
    }

    void awaitInside() throws InterruptedException {
      assertThat(inside.await(5, TimeUnit.SECONDS)).as("calls inside the bulkhead").isTrue();
    }
  }

  private static FaultTolerance bulkhead(int value, int waitingTaskQueue) {
    return FaultTolerance.builder(METHOD).bulkhead(BulkheadPolicy.of(value, waitingTaskQueue)).build();
  }

  @Test
  void defaultsAreThoseOfMicroProfile() {
    BulkheadPolicy policy = BulkheadPolicy.of(10);

    assertThat(policy.value()).isEqualTo(10);
    assertThat(policy.waitingTaskQueue()).isEqualTo(10);
  }

  // ---------------------------------------------------------------- synchronous

  @ParameterizedTest
  @EnumSource(Style.class)
  void fullBulkheadRejectsWithoutInvokingTheBody(Style style) throws Exception {
    FaultTolerance policy = bulkhead(2, 10);
    Gate gate = new Gate(2);
    List<CompletableFuture<String>> held = List.of(
        inNewThread(() -> style.invoke(policy, gate)), inNewThread(() -> style.invoke(policy, gate)));
    AtomicInteger rejectedCalls = new AtomicInteger();
    try {
      gate.awaitInside();
      assertThat(policy.bulkheadInUse()).isEqualTo(2);

      assertThatThrownBy(() -> style.invoke(policy, rejectedCalls::incrementAndGet))
          .isInstanceOf(BulkheadFullException.class)
          .hasMessageContaining(METHOD)
          .hasMessageContaining("2 running");
      assertThat(rejectedCalls).as("a synchronous call never waits in the queue").hasValue(0);
      assertThat(policy.bulkheadWaiting()).isZero();
    } finally {
      gate.leave.countDown();
    }
    for (CompletableFuture<String> call : held) {
      assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("held");
    }
    assertThat(policy.bulkheadInUse()).isZero();
    assertThat(style.invoke(policy, () -> "admitted again")).isEqualTo("admitted again");
  }

  /** A rejection is flow control under load: it carries no stack trace, and its message names the method. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void theRejectionCarriesNoStackTrace(Style style) throws Exception {
    FaultTolerance policy = bulkhead(1, 1);
    Gate gate = new Gate(1);
    CompletableFuture<String> held = inNewThread(() -> style.invoke(policy, gate));
    try {
      gate.awaitInside();

      assertThatThrownBy(() -> style.invoke(policy, () -> "rejected"))
          .isInstanceOf(BulkheadFullException.class)
          .hasMessageContaining(METHOD)
          .satisfies(rejection -> assertThat(rejection.getStackTrace()).isEmpty());
    } finally {
      gate.leave.countDown();
    }
    assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("held");
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void slotIsFreedWhenTheCallFails(Style style) throws Exception {
    FaultTolerance policy = bulkhead(1, 1);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> style.invoke(policy, () -> {
        throw new ScriptedFailure("failed inside");
      })).isInstanceOf(ScriptedFailure.class);
      assertThat(policy.bulkheadInUse()).isZero();
    }

    assertThat(style.invoke(policy, () -> "admitted")).isEqualTo("admitted");
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void slotIsFreedWhenTheCallTimesOut(Style style) throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .bulkhead(BulkheadPolicy.of(1))
        .build();

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      Thread.sleep(10_000);
      return "too late";
    })).isInstanceOf(TimeoutExceededException.class);

    assertThat(policy.bulkheadInUse()).isZero();
    assertThat(style.invoke(policy, () -> "admitted")).isEqualTo("admitted");
  }

  /**
   * A bulkhead of one and a retry with a long delay: while call A sleeps in its retry delay, its
   * slot is free and call B gets in.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void retryDelayDoesNotHoldTheSlot(Style style) throws Exception {
    CompletableFuture<Thread> retrying = new CompletableFuture<>();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(500)).jitter(0).build())
        .bulkhead(BulkheadPolicy.of(1))
        .listener(new FaultToleranceListener() {
          @Override
          public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
            retrying.complete(Thread.currentThread());
          }
        })
        .build();
    AtomicInteger callsOfA = new AtomicInteger();

    CompletableFuture<String> callA = inNewThread(() -> style.invoke(policy, () -> {
      if (callsOfA.incrementAndGet() == 1) {
        throw new ScriptedFailure("A fails once");
      }
      return "A retried";
    }));
    awaitSleeping(retrying.get(5, TimeUnit.SECONDS));

    assertThat(policy.bulkheadInUse()).isZero();
    assertThat(style.invoke(policy, () -> "B got in")).isEqualTo("B got in");
    assertThat(callA.get(5, TimeUnit.SECONDS)).isEqualTo("A retried");
    assertThat(callsOfA).hasValue(2);
  }

  /** Waits (up to 5 seconds) until {@code thread} sleeps: here, in its retry delay. */
  private static void awaitSleeping(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime() - deadline).as("%s never slept", thread).isNegative();
      Thread.onSpinWait();
    }
  }

  /** A rejection is a failure like any other for retry: a call retries until it gets a slot or gives up. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void rejectionIsRetried(Style style) throws Exception {
    AtomicInteger rejections = new AtomicInteger();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(2).jitter(0).build())
        .bulkhead(BulkheadPolicy.of(1))
        .listener(new FaultToleranceListener() {
          @Override
          public void onRejected(String method, FaultToleranceException rejection) {
            rejections.incrementAndGet();
          }
        })
        .build();
    Gate gate = new Gate(1);
    CompletableFuture<String> holder = inNewThread(() -> style.invoke(policy, gate));
    try {
      gate.awaitInside();

      assertThatThrownBy(() -> style.invoke(policy, () -> "never")).isInstanceOf(BulkheadFullException.class);
      assertThat(rejections).hasValue(3);
    } finally {
      gate.leave.countDown();
    }
    assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("held");
  }

  // ---------------------------------------------------------------- asynchronous

  /** Starts asynchronous calls whose stages the test completes, and tells which have started. */
  private static final class AsyncCalls {
    final List<CompletableFuture<String>> stages = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<String>> results = new ArrayList<>();

    CompletableFuture<String> call(FaultTolerance policy) {
      CompletableFuture<String> result = policy.callAsync(this::start);
      results.add(result);
      return result;
    }

    private synchronized CompletableFuture<String> start() {
      CompletableFuture<String> stage = new CompletableFuture<>();
      stages.add(stage);
      notifyAll();
      return stage;
    }

    int started() {
      return stages.size();
    }

    /** Waits (up to 5 seconds) until {@code count} calls have started. */
    synchronized void awaitStarted(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (stages.size() < count) {
        long left = deadline - System.nanoTime();
        assertThat(left).as("time left for %d calls to start", count).isPositive();
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }

  /**
   * Bulkhead 2 with 2 waiting places: 2 calls run, 2 wait, the fifth is rejected through its
   * stage; each completion lets a waiting call in.
   */
  @Test
  void asyncCallsRunUpToTheLimitThenQueueThenAreRejected() throws Exception {
    FaultTolerance policy = bulkhead(2, 2);
    AsyncCalls calls = new AsyncCalls();

    for (int i = 0; i < 4; i++) {
      assertThat(calls.call(policy)).isNotDone();
    }
    assertThat(calls.started()).isEqualTo(2);
    assertThat(policy.bulkheadInUse()).isEqualTo(2);
    assertThat(policy.bulkheadWaiting()).isEqualTo(2);

    CompletableFuture<String> fifth = calls.call(policy); // must not throw
    assertThat(failureOf(fifth)).isInstanceOf(BulkheadFullException.class)
        .hasMessageContaining("2 running, 2 waiting");
    assertThat(calls.started()).isEqualTo(2);

    calls.stages.get(0).complete("first");
    assertThat(calls.results.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("first");
    calls.awaitStarted(3); // a waiting call starts on the asynchronous executor
    assertThat(calls.started()).isEqualTo(3);
    assertThat(policy.bulkheadWaiting()).isEqualTo(1);

    calls.stages.get(1).completeExceptionally(new ScriptedFailure("second fails"));
    assertThat(failureOf(calls.results.get(1))).isInstanceOf(ScriptedFailure.class);
    calls.awaitStarted(4);
    assertThat(calls.started()).isEqualTo(4);
    assertThat(policy.bulkheadWaiting()).isZero();

    calls.stages.get(2).complete("third");
    calls.stages.get(3).complete("fourth");
    assertThat(calls.results.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("third");
    assertThat(calls.results.get(3).get(5, TimeUnit.SECONDS)).isEqualTo("fourth");
    assertThat(policy.bulkheadInUse()).isZero();
  }

  @Test
  void theAsyncRejectionCarriesNoStackTrace() throws Exception {
    FaultTolerance policy = bulkhead(1, 1);
    AsyncCalls calls = new AsyncCalls();
    calls.call(policy); // runs
    calls.call(policy); // waits

    assertThat(failureOf(calls.call(policy)))
        .isInstanceOf(BulkheadFullException.class)
        .hasMessageContaining(METHOD)
        .satisfies(rejection -> assertThat(rejection.getStackTrace()).isEmpty());
    assertThat(new BulkheadFullException(METHOD, 1, 1).getStackTrace()).as("made by application code").isEmpty();

    calls.stages.get(0).complete("first");
    calls.awaitStarted(2);
    calls.stages.get(1).complete("second");
    assertThat(calls.results.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("second");
  }

  @Test
  void asyncSlotIsHeldUntilTheStageCompletesNotUntilTheBodyReturns() throws Exception {
    FaultTolerance policy = bulkhead(1, 1);
    AsyncCalls calls = new AsyncCalls();

    calls.call(policy);

    assertThat(calls.started()).isEqualTo(1);
    assertThat(policy.bulkheadInUse()).isEqualTo(1);
    assertThatThrownBy(() -> policy.call(() -> "synchronous")).isInstanceOf(BulkheadFullException.class);
    calls.stages.get(0).complete("done");
    assertThat(policy.bulkheadInUse()).isZero();
  }

  /**
   * A queued call that times out leaves the queue: its stage fails with a timeout counted from the
   * call, and its body never runs, even once the slot it waited for is free.
   */
  @Test
  void queuedCallThatTimesOutLeavesTheQueueAndNeverRuns() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .timeout(TimeoutPolicy.of(Duration.ofMillis(150)))
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    AsyncCalls calls = new AsyncCalls();
    CompletableFuture<String> running = calls.call(policy);
    long queuedAt = System.nanoTime();
    CompletableFuture<String> queued = calls.call(policy);
    assertThat(policy.bulkheadWaiting()).isEqualTo(1);

    assertThat(failureOf(queued)).isInstanceOf(TimeoutExceededException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - queuedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(policy.bulkheadWaiting()).isZero();

    calls.stages.get(0).complete("late");
    assertThat(failureOf(running)).as("the running call timed out too").isInstanceOf(TimeoutExceededException.class);
    assertThat(calls.started()).as("the queued call never ran").isEqualTo(1);
    assertThat(policy.bulkheadInUse()).isZero();
    calls.call(policy);
    assertThat(calls.started()).isEqualTo(2);
  }

  /**
   * A waiting call its caller cancels leaves the queue at once, and never runs: its place is free
   * for the next call, which takes the slot when it frees.
   */
  @Test
  void aWaitingCallCancelledByItsCallerFreesItsPlaceAtOnce() throws Exception {
    FaultTolerance policy = bulkhead(1, 1);
    AsyncCalls calls = new AsyncCalls();
    calls.call(policy);
    CompletableFuture<String> cancelled = calls.call(policy);
    assertThat(failureOf(calls.call(policy))).as("the queue is full").isInstanceOf(BulkheadFullException.class);

    assertThat(cancelled.cancel(false)).isTrue();
    assertThat(policy.bulkheadWaiting()).isZero();
    CompletableFuture<String> next = calls.call(policy);
    assertThat(next).as("queued in the place the cancelled call left").isNotDone();
    assertThat(policy.bulkheadWaiting()).isEqualTo(1);

    calls.stages.get(0).complete("first");
    calls.awaitStarted(2);
    calls.stages.get(1).complete("next");
    assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
    assertThat(calls.started()).as("the cancelled call never ran").isEqualTo(2);
    assertThat(policy.bulkheadInUse()).isZero();
  }

  /**
   * A half-open breaker admits {@code successThreshold} trial calls and waits for their outcomes. A
   * trial cancelled while it waits for a bulkhead slot never has one: it gives its trial back, so
   * that the next call can try, rather than leaving the breaker half-open and rejecting for ever.
   */
  @Test
  void aTrialCallCancelledWhileItWaitsGivesItsTrialBack() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .circuitBreaker(CircuitBreakerPolicy.builder()
            .requestVolumeThreshold(1).failureRatio(1).successThreshold(1).delay(Duration.ofMillis(50)).build())
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    AsyncCalls calls = new AsyncCalls();
    calls.call(policy); // holds the slot until the end
    CompletableFuture<String> waiting = calls.call(policy);
    assertThat(failureOf(calls.call(policy))).isInstanceOf(BulkheadFullException.class);
    assertThat(policy.circuitState()).as("opened by the rejection, its one failure").contains(CircuitState.OPEN);
    waiting.cancel(false);

    letTimePass(Duration.ofMillis(60));
    CompletableFuture<String> trial = calls.call(policy);
    assertThat(policy.circuitState()).contains(CircuitState.HALF_OPEN);
    assertThat(policy.bulkheadWaiting()).as("the trial waits for the slot").isEqualTo(1);
    trial.cancel(false);
    calls.stages.get(0).complete("first");

    CompletableFuture<String> next = calls.call(policy);
    assertThat(calls.started()).as("the next call was admitted as the trial, and ran").isEqualTo(2);
    calls.stages.get(1).complete("next");
    assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
  }

  /**
   * A queued call's timeout counts from the call, queueing included: queued for about 150 ms of a
   * 400 ms timeout, it then times out less than 400 ms after it started to run.
   */
  @Test
  void queuedCallsTimeoutCountsFromTheCall() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .timeout(TimeoutPolicy.of(Duration.ofMillis(400)))
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    CompletableFuture<String> firstStage = new CompletableFuture<>();
    policy.callAsync(() -> firstStage);
    AtomicLong startedAt = new AtomicLong();
    AtomicLong failedAt = new AtomicLong();
    long calledAt = System.nanoTime();
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> queued = policy.callAsync(() -> {
      startedAt.set(System.nanoTime());
      started.countDown();
      return new CompletableFuture<>();
    });
    CompletableFuture<String> observed = queued.whenComplete((value, failure) -> failedAt.set(System.nanoTime()));

    letTimePass(Duration.ofMillis(150));
    firstStage.complete("first");
    assertThat(started.await(5, TimeUnit.SECONDS)).as("the queued call started once the slot was free").isTrue();

    assertThat(failureOf(observed)).isInstanceOf(TimeoutExceededException.class);
    assertThat(Duration.ofNanos(failedAt.get() - calledAt)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(Duration.ofNanos(failedAt.get() - startedAt.get())).isLessThan(Duration.ofMillis(400));
  }

  /**
   * A deadline so short that it may pass before the call reaches the bulkhead: whether such a call
   * times out or runs, it must leave the bulkhead's counts as it found them, or the queue would
   * later admit more (or fewer) than {@code waitingTaskQueue} calls.
   */
  @Test
  void timeoutsRacingTheWayIntoTheBulkheadLeaveItsCountsIntact() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .timeout(TimeoutPolicy.of(Duration.ofNanos(1)))
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    List<CompletableFuture<String>> results = new ArrayList<>();

    for (int i = 0; i < 5_000; i++) {
      results.add(policy.callAsync(() -> CompletableFuture.completedFuture("ran")));
    }

    for (CompletableFuture<String> result : results) {
      String outcome = result
          .handle((value, failure) -> failure == null ? value : failure.getClass().getSimpleName())
          .get(5, TimeUnit.SECONDS);
      assertThat(outcome).isIn("ran", "TimeoutExceededException");
    }
    assertThat(policy.bulkheadWaiting()).isZero();
    assertThat(policy.bulkheadInUse()).isZero();
  }

  /** A running call that timed out keeps its slot until its stage completes; then a waiting call runs. */
  @Test
  void asyncCallThatTimedOutKeepsItsSlotUntilItsWorkCompletes() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .timeout(TimeoutPolicy.of(Duration.ofMillis(200)))
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    AsyncCalls calls = new AsyncCalls();

    CompletableFuture<String> timedOut = calls.call(policy);
    assertThat(failureOf(timedOut)).isInstanceOf(TimeoutExceededException.class);
    assertThat(policy.bulkheadInUse()).isEqualTo(1);

    CompletableFuture<String> next = calls.call(policy);
    assertThat(calls.started()).isEqualTo(1);
    calls.stages.get(0).complete("finally done");
    calls.awaitStarted(2);
    assertThat(calls.started()).isEqualTo(2);
    calls.stages.get(1).complete("next");
    assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
  }

  /** A queued call is still retried when the queue rejects it, and gets in once a slot frees. */
  @Test
  void asyncRejectionIsRetriedLater() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(-1).delay(Duration.ofMillis(20)).jitter(0)
            .maxDuration(Duration.ofSeconds(5)).build())
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    AsyncCalls calls = new AsyncCalls();
    calls.call(policy);
    calls.call(policy);
    CountDownLatch rejectedOnce = new CountDownLatch(1);
    policy.addListener(new FaultToleranceListener() {
      @Override
      public void onRejected(String method, FaultToleranceException rejection) {
        rejectedOnce.countDown();
      }
    });

    CompletableFuture<String> third = calls.call(policy);
    assertThat(rejectedOnce.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(third).isNotDone();

    calls.stages.get(0).complete("first");
    calls.awaitStarted(2);
    calls.stages.get(1).complete("second");
    calls.awaitStarted(3);
    calls.stages.get(2).complete("third");
    assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo("third");
  }
}
