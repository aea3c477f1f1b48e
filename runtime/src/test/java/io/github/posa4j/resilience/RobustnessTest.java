package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.annotation.ExecutionContext;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.FallbackHandler;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.config.Config;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What application code around the policies must not be able to break: a dependent stage that
 * blocks, a listener that throws, a caller that cancels, a fallback handler that asks the
 * registry for another policy while it is being created.
 */
class RobustnessTest {

  @Test
  void aBlockingDependentOfATimedOutCallDoesNotDelayOtherTimeouts() throws Exception {
    FaultTolerance async = FaultTolerance.builder("robust/async")
        .timeout(TimeoutPolicy.of(Duration.ofMillis(20)))
        .build();
    FaultTolerance sync = FaultTolerance.builder("robust/sync")
        .timeout(TimeoutPolicy.of(Duration.ofMillis(100)))
        .build();
    CountDownLatch dependentRunning = new CountDownLatch(1);
    CountDownLatch releaseDependent = new CountDownLatch(1);
    CompletableFuture<Void> blockingDependent = async.callAsync(CompletableFuture<String>::new)
        .handle((value, failure) -> {
          dependentRunning.countDown();
          await(releaseDependent);
          return null;
        });
    try {
      assertThat(dependentRunning.await(5, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      assertThatThrownBy(() -> sync.call(() -> {
        Thread.sleep(10_000); // interrupted at the deadline, if the scheduler thread is free to do it
        return "too late";
      })).isInstanceOf(TimeoutExceededException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      releaseDependent.countDown();
    }
    blockingDependent.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aListenerThatThrowsAnErrorLeavesNoSlotTakenAndNoOutcomeUnrecorded() throws Exception {
    FaultTolerance policy = FaultTolerance.builder("robust/listener")
        .circuitBreaker(CircuitBreakerPolicy.builder().requestVolumeThreshold(2).failureRatio(1).build())
        .timeout(TimeoutPolicy.of(Duration.ofMillis(20)))
        .bulkhead(BulkheadPolicy.of(1))
        .listener(new FaultToleranceListener() {
          @Override
          public void onTimeout(String method, TimeoutExceededException timeout) {
            throw new AssertionError("a broken listener");
          }
        })
        .build();

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> policy.call(() -> {
        Thread.sleep(10_000);
        return "never";
      })).isInstanceOf(TimeoutExceededException.class);
      assertThat(policy.bulkheadInUse()).isZero();
    }
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
  }

  @Test
  void cancellingTheCallersFutureStopsFurtherAttempts() throws Exception {
    CountDownLatch retried = new CountDownLatch(1);
    FaultTolerance policy = FaultTolerance.builder("robust/cancel")
        .retry(RetryPolicy.builder().maxRetries(-1).delay(Duration.ofMillis(50)).jitter(0).maxDuration(0).build())
        .listener(new FaultToleranceListener() {
          @Override
          public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
            retried.countDown();
          }
        })
        .build();
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch secondAttempt = new CountDownLatch(2);

    CompletableFuture<String> result = policy.callAsync(() -> {
      attempts.incrementAndGet();
      secondAttempt.countDown();
      return CompletableFuture.failedFuture(new IllegalStateException("always"));
    });
    assertThat(secondAttempt.await(5, TimeUnit.SECONDS)).isTrue();
    result.cancel(false);
    int attemptsWhenCancelled = attempts.get();

    // An attempt already scheduled may still start; none is scheduled after it.
    CompletableFuture<String> probe = policy.callAsync(() -> CompletableFuture.completedFuture("later"));
    assertThat(probe.get(5, TimeUnit.SECONDS)).isEqualTo("later");
    long quiet = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300); // six retry delays
    while (System.nanoTime() < quiet) {
      Thread.onSpinWait();
    }
    assertThat(attempts.get()).isBetween(attemptsWhenCancelled, attemptsWhenCancelled + 1);
  }

  /** Holds the registry under test for {@link ReentrantHandler}'s constructor. */
  static volatile FaultToleranceRegistry registryUnderTest;

  /** A fallback handler whose creation asks the registry for another method's policies. */
  public static final class ReentrantHandler implements FallbackHandler<String> {
    public ReentrantHandler() {
      registryUnderTest.forMethod(Client.class, "other");
    }

    @Override
    public String handle(ExecutionContext context) {
      return "fallback";
    }
  }

  static class Client {
    @Fallback(ReentrantHandler.class)
    public String call() {
      return "call";
    }

    @Retry
    public String other() {
      return "other";
    }
  }

  @Test
  void creatingAPolicyMayAskTheRegistryForAnother() throws Exception {
    FaultToleranceRegistry registry = new FaultToleranceRegistry(loader -> Config.empty());
    registryUnderTest = registry;

    FaultTolerance call = registry.forMethod(Client.class, "call");

    assertThat(call.<String>call(() -> {
      throw new IllegalStateException("down");
    })).isEqualTo("fallback");
    assertThat(registry.find(Client.class.getName() + "/other()")).isPresent();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
