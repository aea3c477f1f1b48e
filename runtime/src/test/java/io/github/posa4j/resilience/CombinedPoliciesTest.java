package io.github.posa4j.resilience;

import static io.github.posa4j.resilience.Harness.failureOf;
import static io.github.posa4j.resilience.Harness.inNewThread;
import static io.github.posa4j.resilience.Harness.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.annotation.ExecutionContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The policies together, in the MicroProfile Fault Tolerance order
 * {@code Fallback(Retry(CircuitBreaker(Timeout(Bulkhead(call)))))} (TCK
 * {@code CircuitBreakerRetryTest}, {@code CircuitBreakerTimeoutTest},
 * {@code CircuitBreakerBulkheadTest}): every retry attempt is seen by the breaker, which may open
 * in the middle of a call's retries; timeouts and bulkhead rejections count as breaker failures;
 * a method returning {@code CompletionStage} never blocks its caller and never throws for a
 * policy, whose failures complete the returned stage exceptionally instead.
 */
class CombinedPoliciesTest {
  private static final String METHOD = "com.acme.Payments/charge";
  private static final Duration LONG_DELAY = Duration.ofSeconds(30);

  private static RetryPolicy.Builder quickRetries(int maxRetries) {
    return RetryPolicy.builder().maxRetries(maxRetries).jitter(0);
  }

  private static CircuitBreakerPolicy.Builder window(int requestVolumeThreshold, double failureRatio) {
    return CircuitBreakerPolicy.builder()
        .requestVolumeThreshold(requestVolumeThreshold)
        .failureRatio(failureRatio)
        .delay(LONG_DELAY);
  }

  /** Counts retries and rejections. */
  private static final class Events implements FaultToleranceListener {
    final AtomicInteger retries = new AtomicInteger();
    final List<FaultToleranceException> rejections = new CopyOnWriteArrayList<>();
    final AtomicInteger timeouts = new AtomicInteger();

    @Override
    public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
      retries.incrementAndGet();
    }

    @Override
    public void onRejected(String method, FaultToleranceException rejection) {
      rejections.add(rejection);
    }

    @Override
    public void onTimeout(String method, TimeoutExceededException timeout) {
      timeouts.incrementAndGet();
    }
  }

  @Test
  void policiesAreComposedInTheMicroProfileOrder() {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .bulkhead(BulkheadPolicy.of(3))
        .timeout(TimeoutPolicy.of(Duration.ofSeconds(1)))
        .circuitBreaker(CircuitBreakerPolicy.builder().build())
        .retry(RetryPolicy.builder().build())
        .fallback(FallbackPolicy.of(context -> "fallback"))
        .build();

    assertThat(policy.policies()).extracting(Object::getClass).containsExactly(
        FallbackPolicy.class, RetryPolicy.class, CircuitBreakerPolicy.class, TimeoutPolicy.class, BulkheadPolicy.class);
    assertThat(policy.method()).isEqualTo(METHOD);
  }

  // ---------------------------------------------------------------- retry and circuit breaker

  /**
   * A window of 2 and 5 retries: the first two attempts fail and open the breaker, the remaining
   * 4 attempts are rejected by it (and retried all the same), and the fallback answers last.
   */
  @ParameterizedTest
  @EnumSource(Harness.Style.class)
  void breakerSeesEveryRetryAttemptAndOpensInTheMiddleOfTheRetries(Harness.Style style) throws Exception {
    Events events = new Events();
    AtomicReference<ExecutionContext> fallbackContext = new AtomicReference<>();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(context -> {
          fallbackContext.set(context);
          return "fallback";
        }))
        .retry(quickRetries(5).build())
        .circuitBreaker(window(2, 0.5).build())
        .listener(events)
        .build();
    Harness.Script body = new Harness.Script("FFFFFF");

    assertThat(style.invoke(policy, body)).isEqualTo("fallback");

    assertThat(body.calls()).isEqualTo(2);
    assertThat(events.retries).hasValue(5);
    assertThat(events.rejections).hasSize(4).allMatch(CircuitBreakerOpenException.class::isInstance);
    assertThat(fallbackContext.get().failure()).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
  }

  /** TCK testCircuitOpenWithMoreRetries: without a fallback the caller gets the open breaker's exception. */
  @ParameterizedTest
  @EnumSource(Harness.Style.class)
  void withoutFallbackTheOpenBreakerEndsTheRetries(Harness.Style style) {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(quickRetries(20).build())
        .circuitBreaker(window(4, 0.75).build())
        .build();
    Harness.Script body = new Harness.Script("FFFFFFFFFFFFFFFFFFFFF");

    assertThatThrownBy(() -> style.invoke(policy, body)).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(body.calls()).isEqualTo(4);
  }

  /** Retries rejected by the open breaker go on until it half-opens; the trial call then succeeds. */
  @ParameterizedTest
  @EnumSource(Harness.Style.class)
  void retriesOutlastTheBreakerDelay(Harness.Style style) throws Exception {
    Events events = new Events();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(quickRetries(-1).delay(Duration.ofMillis(20)).maxDuration(Duration.ofSeconds(5)).build())
        .circuitBreaker(window(2, 1.0).delay(Duration.ofMillis(100)).build())
        .listener(events)
        .build();
    Harness.Script body = new Harness.Script("FF");

    assertThat(style.invoke(policy, body)).isEqualTo("call 3");

    assertThat(body.calls()).isEqualTo(3);
    assertThat(events.rejections).isNotEmpty().allMatch(CircuitBreakerOpenException.class::isInstance);
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
  }

  // ---------------------------------------------------------------- timeout and circuit breaker

  @ParameterizedTest
  @EnumSource(Harness.Style.class)
  void timeoutsAreCountedAsBreakerFailures(Harness.Style style) {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .circuitBreaker(window(2, 1.0).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .build();
    AtomicInteger calls = new AtomicInteger();
    Callable<String> slow = () -> {
      calls.incrementAndGet();
      Thread.sleep(10_000);
      return "too late";
    };

    assertThat(outcomes(style, policy, slow, 3)).containsExactly("timeout", "timeout", "open");
    assertThat(calls).hasValue(2);
  }

  /** A call that ran past its timeout but returned normally still counts as a failure. */
  @ParameterizedTest
  @EnumSource(Harness.Style.class)
  void aLateNormalReturnIsABreakerFailure(Harness.Style style) {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .circuitBreaker(window(2, 1.0).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .build();
    Callable<String> lateButNormal = () -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException interrupted) {
        // ignores the interrupt and returns normally
      }
      return "late";
    };

    assertThat(outcomes(style, policy, lateButNormal, 3)).containsExactly("timeout", "timeout", "open");
  }

  @ParameterizedTest
  @EnumSource(Harness.Style.class)
  void timeoutsAreNotBreakerFailuresWhenFailOnExcludesThem(Harness.Style style) {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .circuitBreaker(window(2, 1.0).failOn(IOException.class).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .build();
    Callable<String> slow = () -> {
      Thread.sleep(10_000);
      return "too late";
    };

    assertThat(outcomes(style, policy, slow, 3)).containsExactly("timeout", "timeout", "timeout");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
  }

  // ---------------------------------------------------------------- bulkhead and circuit breaker

  /**
   * The rejection of a full bulkhead opens a breaker with a window of one; the call that held the
   * slot was admitted before the change and its success does not close the breaker again.
   */
  @ParameterizedTest
  @EnumSource(Harness.Style.class)
  void bulkheadRejectionIsCountedAsABreakerFailure(Harness.Style style) throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .circuitBreaker(window(1, 1.0).build())
        .bulkhead(BulkheadPolicy.of(1))
        .build();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    CompletableFuture<String> holder = inNewThread(() -> style.invoke(policy, () -> {
      inside.countDown();
      assertThat(leave.await(5, TimeUnit.SECONDS)).isTrue();
      return "held";
    }));
    Harness.Script other = new Harness.Script("");
    try {
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

      assertThat(outcomes(style, policy, other, 2)).containsExactly("full", "open");
      assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    } finally {
      leave.countDown();
    }
    assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("held");
    assertThat(other.calls()).isZero();
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    assertThat(policy.bulkheadInUse()).isZero();
  }

  // ---------------------------------------------------------------- asynchronous

  @Test
  void asyncExceptionalCompletionCountsAsABreakerFailure() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD).circuitBreaker(window(2, 1.0).build()).build();
    AtomicInteger calls = new AtomicInteger();
    List<Harness.ScriptedFailure> thrown = new ArrayList<>();
    List<CompletableFuture<String>> results = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      results.add(policy.callAsync(() -> {
        calls.incrementAndGet();
        Harness.ScriptedFailure failure = new Harness.ScriptedFailure("async " + calls.get());
        thrown.add(failure);
        return CompletableFuture.failedFuture(failure);
      }));
    }

    assertThat(calls).hasValue(2);
    assertThat(failureOf(results.get(0))).isSameAs(thrown.get(0));
    assertThat(failureOf(results.get(1))).isSameAs(thrown.get(1));
    assertThat(failureOf(results.get(2))).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
  }

  @Test
  void asyncBodyThatThrowsInsteadOfReturningAStageCompletesExceptionally() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD).circuitBreaker(window(1, 1.0).build()).build();
    Harness.ScriptedFailure failure = new Harness.ScriptedFailure("thrown by the body itself");

    CompletableFuture<String> result = policy.callAsync(() -> {
      throw failure;
    });

    assertThat(failureOf(result)).isSameAs(failure);
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
  }

  /** Every policy at once, and the caller gets an incomplete future back while the body's stage is incomplete. */
  @Test
  void asyncCallerIsNeverBlocked() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(context -> "fallback"))
        .retry(quickRetries(3).build())
        .circuitBreaker(window(4, 0.5).build())
        .timeout(TimeoutPolicy.of(Duration.ofSeconds(10)))
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    CompletableFuture<String> stage = new CompletableFuture<>();

    CompletableFuture<String> result = policy.callAsync(() -> stage);

    assertThat(result).isNotDone();
    assertThat(policy.bulkheadInUse()).isEqualTo(1);
    stage.complete("value");
    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("value");
    assertThat(policy.bulkheadInUse()).isZero();
  }

  /** A full bulkhead and then the breaker it opened complete the stage exceptionally; nothing is thrown. */
  @Test
  void asyncRejectionsCompleteTheStageExceptionally() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .circuitBreaker(window(1, 1.0).build())
        .bulkhead(BulkheadPolicy.of(1, 1))
        .build();
    CompletableFuture<String> firstStage = new CompletableFuture<>();
    AtomicInteger laterCalls = new AtomicInteger();

    CompletableFuture<String> running = policy.callAsync(() -> firstStage);
    CompletableFuture<String> queued = policy.callAsync(() -> {
      laterCalls.incrementAndGet();
      return CompletableFuture.completedFuture("queued");
    });
    CompletableFuture<String> rejected = policy.callAsync(() -> {
      laterCalls.incrementAndGet();
      return CompletableFuture.completedFuture("rejected");
    });
    CompletableFuture<String> refused = policy.callAsync(() -> {
      laterCalls.incrementAndGet();
      return CompletableFuture.completedFuture("refused");
    });

    assertThat(failureOf(rejected)).isInstanceOf(BulkheadFullException.class);
    assertThat(failureOf(refused)).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    assertThat(running).isNotDone();
    assertThat(laterCalls).hasValue(0);

    firstStage.complete("first");
    assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
    assertThat(laterCalls).hasValue(1);
  }

  @Test
  void asyncTimeoutCompletesTheStageExceptionallyAndCountsForTheBreaker() throws Exception {
    Events events = new Events();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .circuitBreaker(window(1, 1.0).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(300)))
        .listener(events)
        .build();
    CompletableFuture<String> neverCompletes = new CompletableFuture<>();

    CompletableFuture<String> result = policy.callAsync(() -> neverCompletes);

    assertThat(result).isNotDone();
    assertThat(failureOf(result)).isInstanceOf(TimeoutExceededException.class).hasMessageContaining(METHOD);
    assertThat(events.timeouts).hasValue(1);
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void asyncExhaustedRetriesCompleteTheStageWithTheLastFailure() throws Exception {
    Events events = new Events();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(quickRetries(2).delay(Duration.ofMillis(50)).build())
        .listener(events)
        .build();
    List<Harness.ScriptedFailure> thrown = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();

    CompletableFuture<String> result = policy.callAsync(() -> {
      Harness.ScriptedFailure failure = new Harness.ScriptedFailure("attempt " + (thrown.size() + 1));
      thrown.add(failure);
      return CompletableFuture.failedFuture(failure);
    });

    assertThat(result).as("the caller does not wait out the retry delay").isNotDone();
    assertThat(failureOf(result)).isSameAs(thrown.get(2));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(thrown).hasSize(3);
    assertThat(events.retries).hasValue(2);
  }

  @Test
  void asyncRetriesThroughAnOpenBreakerEndInTheFallback() throws Exception {
    AtomicReference<ExecutionContext> fallbackContext = new AtomicReference<>();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(context -> {
          fallbackContext.set(context);
          return "fallback";
        }))
        .retry(quickRetries(5).build())
        .circuitBreaker(window(2, 0.5).build())
        .build();
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<String> result = policy.callAsync(() -> {
      calls.incrementAndGet();
      return CompletableFuture.failedFuture(new Harness.ScriptedFailure("async"));
    });

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("fallback");
    assertThat(calls).hasValue(2);
    assertThat(fallbackContext.get().failure()).isInstanceOf(CircuitBreakerOpenException.class);
  }

  @Test
  void asyncRetriedTimeoutsEndInTheFallback() throws Exception {
    Events events = new Events();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(context -> context.failure().getClass().getSimpleName()))
        .retry(quickRetries(2).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .listener(events)
        .build();
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<String> result = policy.callAsync(() -> {
      calls.incrementAndGet();
      return new CompletableFuture<>();
    });

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("TimeoutExceededException");
    assertThat(calls).hasValue(3);
    assertThat(events.timeouts).hasValue(3);
  }
}
