package io.github.posa4j.resilience;

import static io.github.posa4j.resilience.Harness.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.Harness.ScriptedFailure;
import io.github.posa4j.resilience.Harness.Style;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Timeout as MicroProfile Fault Tolerance specifies it for synchronous methods (TCK
 * {@code TimeoutTest}, {@code TimeoutUninterruptableTest}, {@code RetryTimeoutTest}): the
 * executing thread is interrupted at the deadline, and {@link TimeoutExceededException} is thrown
 * when the method returns, even if it ignored the interrupt and returned normally. Never an
 * interrupt left behind, neither after a timeout nor, later, after a fast call. Each retry attempt
 * gets a fresh timeout. For a {@code CompletionStage} method, the stage fails at the deadline.
 */
class TimeoutTest {
  private static final String METHOD = "com.acme.Quotes/fetch";
  private static final Duration TIMEOUT = Duration.ofMillis(100);

  /** Fails the test if a test left the interrupt flag of the JUnit thread set (and clears it). */
  @AfterEach
  void noInterruptLeftBehind() {
    assertThat(Thread.interrupted()).as("interrupt flag after the test").isFalse();
  }

  private static FaultTolerance timed(Duration timeout, FaultToleranceListener... listeners) {
    FaultTolerance.Builder builder = FaultTolerance.builder(METHOD).timeout(TimeoutPolicy.of(timeout));
    for (FaultToleranceListener listener : listeners) {
      builder.listener(listener);
    }
    return builder.build();
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Counts the timeouts the listener hears of. */
  private static final class TimeoutEvents implements FaultToleranceListener {
    final List<TimeoutExceededException> timeouts = new CopyOnWriteArrayList<>();

    @Override
    public void onTimeout(String method, TimeoutExceededException timeout) {
      timeouts.add(timeout);
    }
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void aBodySleepingPastTheTimeoutIsInterruptedAndTimesOut(Style style) {
    TimeoutEvents events = new TimeoutEvents();
    FaultTolerance policy = timed(TIMEOUT, events);
    long start = System.nanoTime();

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      Thread.sleep(10_000);
      return "too late";
    })).isInstanceOf(TimeoutExceededException.class)
        .hasMessageContaining(METHOD)
        .hasMessageContaining("100 ms")
        .hasCauseInstanceOf(InterruptedException.class);

    assertThat(since(start)).isBetween(TIMEOUT, Duration.ofSeconds(5));
    assertThat(Thread.interrupted()).as("interrupt flag after the timeout").isFalse();
    assertThat(events.timeouts).hasSize(1);
  }

  /**
   * A body that never looks at its interrupt flag (a busy loop until its own deadline) returns
   * normally, late; the caller still gets {@link TimeoutExceededException}. The body saw the
   * interrupt arrive; the caller's thread is not left interrupted.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void aBodyIgnoringTheInterruptStillTimesOutWhenItReturns(Style style) {
    FaultTolerance policy = timed(Duration.ofMillis(50));
    AtomicBoolean returned = new AtomicBoolean();
    AtomicBoolean sawInterrupt = new AtomicBoolean();
    long start = System.nanoTime();

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      long end = start + Duration.ofMillis(300).toNanos();
      while (System.nanoTime() - end < 0) {
        Thread.onSpinWait();
      }
      sawInterrupt.set(Thread.currentThread().isInterrupted());
      returned.set(true);
      return "late but normal";
    })).isInstanceOf(TimeoutExceededException.class).hasNoCause();

    assertThat(returned).isTrue();
    assertThat(sawInterrupt).as("the deadline interrupted the body's thread").isTrue();
    assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(Thread.interrupted()).as("interrupt flag after the timeout").isFalse();
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void aBodySwallowingTheInterruptStillTimesOut(Style style) {
    FaultTolerance policy = timed(TIMEOUT);

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException swallowed) {
        // returns normally instead
      }
      return "late but normal";
    })).isInstanceOf(TimeoutExceededException.class);

    assertThat(Thread.interrupted()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void theBodysOwnLateFailureBecomesTheCause(Style style) {
    FaultTolerance policy = timed(TIMEOUT);
    ScriptedFailure own = new ScriptedFailure("failed after the interrupt");

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException interrupted) {
        throw own;
      }
      return "unreachable";
    })).isInstanceOf(TimeoutExceededException.class).hasCause(own);
  }

  /**
   * A fast call is not disturbed, and its cancelled deadline never interrupts the thread later:
   * after many fast calls the thread waits well past the timeout in an interruptible wait.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void aFastBodyIsUnaffectedAndNoInterruptArrivesLater(Style style) throws Exception {
    TimeoutEvents events = new TimeoutEvents();
    FaultTolerance policy = timed(Duration.ofMillis(20), events);
    AtomicInteger calls = new AtomicInteger();
    Callable<Integer> fast = calls::incrementAndGet;

    for (int i = 1; i <= 200; i++) {
      assertThat(style.invoke(policy, fast)).isEqualTo(i);
    }
    boolean released = new CountDownLatch(1).await(200, TimeUnit.MILLISECONDS); // throws if interrupted

    assertThat(released).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(events.timeouts).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void aBodyFailingFastIsUnaffected(Style style) {
    FaultTolerance policy = timed(TIMEOUT);
    ScriptedFailure own = new ScriptedFailure("fast failure");

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      throw own;
    })).isSameAs(own);
  }

  // ---------------------------------------------------------------- with retry

  /**
   * Five attempts of 60 ms each, under a 200 ms timeout: together they run well past it, but each
   * gets its own, so none times out and the fifth succeeds.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void theTimeoutRestartsForEveryRetryAttempt(Style style) throws Exception {
    TimeoutEvents events = new TimeoutEvents();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(4).jitter(0).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(200)))
        .listener(events)
        .build();
    AtomicInteger calls = new AtomicInteger();
    long start = System.nanoTime();

    String result = style.invoke(policy, () -> {
      Thread.sleep(60);
      if (calls.incrementAndGet() < 5) {
        throw new ScriptedFailure("not yet");
      }
      return "fifth";
    });

    assertThat(result).isEqualTo("fifth");
    assertThat(since(start)).isGreaterThan(Duration.ofMillis(200));
    assertThat(events.timeouts).isEmpty();
  }

  /** A timed-out attempt is retried, and the next attempt starts without a stale interrupt. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void aTimedOutAttemptIsRetriedWithACleanThread(Style style) throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(1).jitter(0).build())
        .timeout(TimeoutPolicy.of(TIMEOUT))
        .build();
    AtomicInteger calls = new AtomicInteger();

    String result = style.invoke(policy, () -> {
      if (calls.incrementAndGet() == 1) {
        Thread.sleep(10_000);
      }
      Thread.sleep(1); // would throw InterruptedException if the first deadline leaked
      return "second attempt";
    });

    assertThat(result).isEqualTo("second attempt");
    assertThat(calls).hasValue(2);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void retriesThatAllTimeOutEndWithTheTimeout(Style style) {
    TimeoutEvents events = new TimeoutEvents();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(2).jitter(0).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .listener(events)
        .build();
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      calls.incrementAndGet();
      Thread.sleep(10_000);
      return "never";
    })).isInstanceOf(TimeoutExceededException.class);

    assertThat(calls).hasValue(3);
    assertThat(events.timeouts).hasSize(3);
  }

  // ---------------------------------------------------------------- no timeout, asynchronous

  @ParameterizedTest
  @EnumSource(Style.class)
  void zeroMeansNoTimeout(Style style) throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD).timeout(TimeoutPolicy.of(0, ChronoUnit.MILLIS)).build();

    assertThat(style.invoke(policy, () -> {
      Thread.sleep(50);
      return "unhurried";
    })).isEqualTo("unhurried");
    assertThat(policy.policies()).isEmpty();
  }

  @Test
  void asyncStageFailsAtTheDeadlineWithoutBlockingOrInterruptingTheCaller() throws Exception {
    FaultTolerance policy = timed(Duration.ofMillis(300));
    CompletableFuture<String> neverCompletes = new CompletableFuture<>();
    long start = System.nanoTime();

    CompletableFuture<String> result = policy.callAsync(() -> neverCompletes);

    assertThat(result).isNotDone();
    assertThat(failureOf(result)).isInstanceOf(TimeoutExceededException.class);
    assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void asyncStageCompletingInTimeIsUnaffected() throws Exception {
    FaultTolerance policy = timed(Duration.ofSeconds(5));

    CompletableFuture<String> result = policy.callAsync(() -> CompletableFuture.supplyAsync(() -> "in time"));

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("in time");
  }
}
