package io.github.posa4j.resilience;

import static io.github.posa4j.resilience.Harness.failureOf;
import static io.github.posa4j.resilience.Harness.inNewThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.posa4j.resilience.Harness.E0;
import io.github.posa4j.resilience.Harness.E1;
import io.github.posa4j.resilience.Harness.E1Sibling;
import io.github.posa4j.resilience.Harness.E2;
import io.github.posa4j.resilience.Harness.Script;
import io.github.posa4j.resilience.Harness.ScriptedFailure;
import io.github.posa4j.resilience.Harness.Style;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retry as MicroProfile Fault Tolerance specifies it (TCK {@code RetryTest},
 * {@code RetryExceptionHierarchyTest}, {@code RetryTimeoutTest}): {@code maxRetries} more
 * invocations after the first (forever with -1), only for {@code retryOn} failures that are not
 * {@code abortOn} ones, after {@code delay} give or take {@code jitter}, and no longer than
 * {@code maxDuration}. An {@link Error} is not retried by default.
 */
class RetryTest {
  private static final String METHOD = "com.acme.Mailer/send";

  private static FaultTolerance retrying(RetryPolicy.Builder retry, FaultToleranceListener... listeners) {
    FaultTolerance.Builder builder = FaultTolerance.builder(METHOD).retry(retry.build());
    for (FaultToleranceListener listener : listeners) {
      builder.listener(listener);
    }
    return builder.build();
  }

  /** Retries without delay or jitter, so that counting tests run at once. */
  private static RetryPolicy.Builder immediate(int maxRetries) {
    return RetryPolicy.builder().maxRetries(maxRetries).jitter(0);
  }

  /** A body that counts its invocations and always throws what {@code failure} makes. */
  private static final class AlwaysFailing implements Callable<String> {
    private final Supplier<? extends Exception> failure;
    final AtomicInteger calls = new AtomicInteger();

    AlwaysFailing(Supplier<? extends Exception> failure) {
      this.failure = failure;
    }

    @Override
    public String call() throws Exception {
      calls.incrementAndGet();
      throw failure.get();
    }
  }

  /** Records what the listener hears about retries. */
  private static final class RetryEvents implements FaultToleranceListener {
    final List<Integer> retries = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<Long> delays = new CopyOnWriteArrayList<>();

    @Override
    public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
      retries.add(retry);
      failures.add(failure);
      delays.add(delayNanos);
    }
  }

  @Test
  void defaultsAreThoseOfMicroProfile() {
    RetryPolicy policy = RetryPolicy.builder().build();

    assertThat(policy.maxRetries()).isEqualTo(3);
    assertThat(policy.delay()).isZero();
    assertThat(policy.maxDuration()).isEqualTo(Duration.ofMinutes(3));
    assertThat(policy.jitter()).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.retryOn()).containsExactly(Exception.class);
    assertThat(policy.abortOn()).isEmpty();
  }

  // ---------------------------------------------------------------- maxRetries

  static Stream<Arguments> maxRetriesAndStyles() {
    return Stream.of(0, 1, 3, 7).flatMap(maxRetries ->
        Stream.of(Style.values()).map(style -> Arguments.of(maxRetries, style)));
  }

  /** maxRetries N: N + 1 invocations, and the caller gets the last failure itself. */
  @ParameterizedTest(name = "maxRetries={0} {1}")
  @MethodSource("maxRetriesAndStyles")
  void failingBodyIsInvokedOnceMoreThanMaxRetries(int maxRetries, Style style) {
    RetryEvents events = new RetryEvents();
    FaultTolerance policy = retrying(immediate(maxRetries), events);
    List<ScriptedFailure> thrown = new CopyOnWriteArrayList<>();
    AlwaysFailing body = new AlwaysFailing(() -> {
      ScriptedFailure failure = new ScriptedFailure("attempt " + (thrown.size() + 1));
      thrown.add(failure);
      return failure;
    });

    assertThatThrownBy(() -> style.invoke(policy, body)).isSameAs(thrown.get(maxRetries));

    assertThat(body.calls).hasValue(maxRetries + 1);
    assertThat(events.retries).hasSize(maxRetries);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void retryingStopsAtTheFirstSuccess(Style style) throws Exception {
    FaultTolerance policy = retrying(immediate(5));
    Script body = new Script("FF");

    assertThat(style.invoke(policy, body)).isEqualTo("call 3");
    assertThat(body.calls()).isEqualTo(3);
  }

  /** -1 retries forever: here until the body succeeds at its 50th invocation. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void minusOneRetriesUntilTheBodySucceeds(Style style) throws Exception {
    FaultTolerance policy = retrying(immediate(-1).maxDuration(0));
    Script body = new Script("F".repeat(49));

    assertThat(style.invoke(policy, body)).isEqualTo("call 50");
    assertThat(body.calls()).isEqualTo(50);
  }

  // ---------------------------------------------------------------- retryOn / abortOn

  static Stream<Arguments> retryOnE1AbortOnE2() {
    return Stream.of(
        Arguments.of(Named.<Supplier<Exception>>of("E1", E1::new), 4),
        Arguments.of(Named.<Supplier<Exception>>of("E1Sibling", E1Sibling::new), 4),
        Arguments.of(Named.<Supplier<Exception>>of("E2", E2::new), 1),
        Arguments.of(Named.<Supplier<Exception>>of("E0", E0::new), 1),
        Arguments.of(Named.<Supplier<Exception>>of("IllegalStateException", IllegalStateException::new), 1));
  }

  /**
   * With {@code retryOn = E1, abortOn = E2} (E2 extends E1) and 3 retries: E1 and its subclasses
   * are retried, except E2 (abortOn beats retryOn); a superclass of E1 and unrelated exceptions
   * are not retried. The caller always gets the body's exception.
   */
  @ParameterizedTest
  @MethodSource("retryOnE1AbortOnE2")
  void retryOnAndAbortOnFollowTheExceptionHierarchy(Supplier<Exception> failure, int expectedCalls) {
    for (Style style : Style.values()) {
      FaultTolerance policy = retrying(immediate(3).retryOn(E1.class).abortOn(E2.class));
      AlwaysFailing body = new AlwaysFailing(failure);

      assertThatThrownBy(() -> style.invoke(policy, body)).isInstanceOf(failure.get().getClass());

      assertThat(body.calls).as("%s", style).hasValue(expectedCalls);
    }
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void abortOnBeatsAMoreSpecificRetryOn(Style style) {
    FaultTolerance policy = retrying(immediate(3).retryOn(E2.class).abortOn(E0.class));
    AlwaysFailing body = new AlwaysFailing(E2::new);

    assertThatThrownBy(() -> style.invoke(policy, body)).isInstanceOf(E2.class);
    assertThat(body.calls).hasValue(1);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void checkedExceptionsAreRetriedByDefault(Style style) {
    FaultTolerance policy = retrying(immediate(2));
    AlwaysFailing body = new AlwaysFailing(() -> new java.io.IOException("disk"));

    assertThatThrownBy(() -> style.invoke(policy, body)).isInstanceOf(java.io.IOException.class);
    assertThat(body.calls).hasValue(3);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void anErrorIsNotRetriedByDefault(Style style) {
    FaultTolerance policy = retrying(immediate(3));
    AtomicInteger calls = new AtomicInteger();
    AssertionError error = new AssertionError("an error, not an exception");

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      calls.incrementAndGet();
      throw error;
    })).isSameAs(error);

    assertThat(calls).hasValue(1);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void anErrorIsRetriedWhenRetryOnNamesIt(Style style) {
    FaultTolerance policy = retrying(immediate(3).retryOn(AssertionError.class));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      calls.incrementAndGet();
      throw new AssertionError("retried");
    })).isInstanceOf(AssertionError.class);

    assertThat(calls).hasValue(4);
  }

  // ---------------------------------------------------------------- delay, jitter, maxDuration

  @ParameterizedTest
  @EnumSource(Style.class)
  void delayIsWaitedBeforeEveryRetry(Style style) {
    FaultTolerance policy = retrying(immediate(3).delay(Duration.ofMillis(50)));
    AlwaysFailing body = new AlwaysFailing(() -> new ScriptedFailure("again"));
    long start = System.nanoTime();

    assertThatThrownBy(() -> style.invoke(policy, body)).isInstanceOf(ScriptedFailure.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(body.calls).hasValue(4);
  }

  /**
   * maxDuration ends even endless retries: with 50 ms between attempts and 300 ms at most, there
   * is room for at most 6 invocations.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void maxDurationStopsRetrying(Style style) {
    RetryEvents events = new RetryEvents();
    FaultTolerance policy = retrying(
        immediate(-1).delay(Duration.ofMillis(50)).maxDuration(Duration.ofMillis(300)), events);
    AlwaysFailing body = new AlwaysFailing(() -> new ScriptedFailure("again"));

    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> style.invoke(policy, body)).isInstanceOf(ScriptedFailure.class));

    assertThat(body.calls.get()).isBetween(2, 6);
    assertThat(events.retries).hasSize(body.calls.get() - 1);
  }

  /** Each retry's delay lies within delay +- jitter (and is never negative), and varies. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void jitterKeepsEveryDelayWithinItsBounds(Style style) {
    RetryEvents events = new RetryEvents();
    FaultTolerance policy = retrying(RetryPolicy.builder()
        .maxRetries(30)
        .delay(Duration.ofMillis(6))
        .jitter(Duration.ofMillis(4)), events);

    assertThatThrownBy(() -> style.invoke(policy, new AlwaysFailing(() -> new ScriptedFailure("again"))))
        .isInstanceOf(ScriptedFailure.class);

    assertThat(events.delays).hasSize(30)
        .allSatisfy(delay -> assertThat(Duration.ofNanos(delay))
            .isBetween(Duration.ofMillis(2), Duration.ofMillis(10)));
    assertThat(events.delays.stream().distinct().count()).isGreaterThan(1);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void jitterLargerThanTheDelayNeverMakesItNegative(Style style) {
    RetryEvents events = new RetryEvents();
    FaultTolerance policy = retrying(RetryPolicy.builder()
        .maxRetries(30)
        .delay(0)
        .jitter(Duration.ofMillis(2)), events);

    assertThatThrownBy(() -> style.invoke(policy, new AlwaysFailing(() -> new ScriptedFailure("again"))))
        .isInstanceOf(ScriptedFailure.class);

    assertThat(events.delays).hasSize(30)
        .allSatisfy(delay -> assertThat(Duration.ofNanos(delay)).isBetween(Duration.ZERO, Duration.ofMillis(2)));
  }

  // ---------------------------------------------------------------- listener

  @ParameterizedTest
  @EnumSource(Style.class)
  void listenerHearsOfEveryRetryWithItsNumberAndFailure(Style style) {
    RetryEvents events = new RetryEvents();
    FaultTolerance policy = retrying(immediate(3), events);
    List<ScriptedFailure> thrown = new CopyOnWriteArrayList<>();
    AlwaysFailing body = new AlwaysFailing(() -> {
      ScriptedFailure failure = new ScriptedFailure("attempt " + (thrown.size() + 1));
      thrown.add(failure);
      return failure;
    });

    assertThatThrownBy(() -> style.invoke(policy, body)).isInstanceOf(ScriptedFailure.class);

    assertThat(events.retries).containsExactly(1, 2, 3);
    assertThat(events.failures).containsExactly(thrown.get(0), thrown.get(1), thrown.get(2));
    assertThat(events.delays).containsOnly(0L);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void listenerHearsNothingWhenNothingIsRetried(Style style) throws Exception {
    RetryEvents events = new RetryEvents();
    FaultTolerance policy = retrying(immediate(3).abortOn(ScriptedFailure.class), events);

    assertThat(style.invoke(policy, () -> "fine")).isEqualTo("fine");
    assertThatThrownBy(() -> style.invoke(policy, new Script("F"))).isInstanceOf(ScriptedFailure.class);

    assertThat(events.retries).isEmpty();
  }

  /** An interrupt during the retry delay ends the retries; the caller keeps its interrupt flag. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void interruptDuringTheDelayStopsRetrying(Style style) {
    FaultTolerance policy = retrying(immediate(3).delay(Duration.ofSeconds(10)));
    AtomicInteger calls = new AtomicInteger();
    try {
      assertThatThrownBy(() -> style.invoke(policy, () -> {
        calls.incrementAndGet();
        Thread.currentThread().interrupt();
        throw new ScriptedFailure("interrupted caller");
      })).isInstanceOf(ScriptedFailure.class)
          .satisfies(failure -> assertThat(failure.getSuppressed())
              .hasAtLeastOneElementOfType(InterruptedException.class));

      assertThat(calls).hasValue(1);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /**
   * With a fallback, an interrupt that arrives while the caller sleeps in the retry delay ends the
   * retrying in the fallback, which gets the last failure; the caller keeps its interrupt flag.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void interruptDuringTheDelayFallsBackAndKeepsTheInterrupt(Style style) throws Exception {
    CompletableFuture<Thread> retrying = new CompletableFuture<>();
    List<Throwable> fellBackOn = new CopyOnWriteArrayList<>();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(immediate(3).delay(Duration.ofSeconds(10)).build())
        .fallback(FallbackPolicy.of(context -> {
          fellBackOn.add(context.failure());
          return "fallback";
        }))
        .listener(new FaultToleranceListener() {
          @Override
          public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
            retrying.complete(Thread.currentThread());
          }
        })
        .build();
    AtomicInteger calls = new AtomicInteger();
    ScriptedFailure failure = new ScriptedFailure("fails before the delay");

    CompletableFuture<String> call = inNewThread(() -> {
      String result = style.invoke(policy, () -> {
        calls.incrementAndGet();
        throw failure;
      });
      return result + (Thread.currentThread().isInterrupted() ? ", interrupt kept" : ", interrupt lost");
    });
    Thread caller = retrying.get(5, TimeUnit.SECONDS);
    awaitSleeping(caller);
    caller.interrupt();

    assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("fallback, interrupt kept");
    assertThat(calls).hasValue(1);
    assertThat(fellBackOn).containsExactly(failure);
    assertThat(failure.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class);
  }

  /** Waits (up to 5 seconds) until {@code thread} sleeps: here, in its retry delay. */
  private static void awaitSleeping(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime() - deadline).as("%s never slept", thread).isNegative();
      Thread.onSpinWait();
    }
  }

  // ---------------------------------------------------------------- asynchronous

  @Test
  void asyncRetriesCountLikeSynchronousOnes() throws Exception {
    FaultTolerance policy = retrying(immediate(3));
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<String> result = policy.callAsync(() -> calls.incrementAndGet() < 3
        ? CompletableFuture.failedFuture(new ScriptedFailure("async"))
        : CompletableFuture.completedFuture("third time"));

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("third time");
    assertThat(calls).hasValue(3);
  }

  @Test
  void asyncAbortOnIsNotRetried() throws Exception {
    FaultTolerance policy = retrying(immediate(3).abortOn(E1.class));
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<String> result = policy.callAsync(() -> {
      calls.incrementAndGet();
      return CompletableFuture.failedFuture(new E2());
    });

    assertThat(failureOf(result)).isInstanceOf(E2.class);
    assertThat(calls).hasValue(1);
  }
}
