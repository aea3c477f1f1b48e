package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.resilience.Harness.ScriptedFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which thread runs each step of an asynchronous call ({@link FaultTolerance#callAsync}): the first
 * attempt runs on the caller's thread; retries, a call that waited in the bulkhead's queue, and
 * what follows a timeout (listeners, fallback, completing the caller's future) run on the policy's
 * asynchronous executor ({@link FaultTolerance.Builder#asyncExecutor}, by default the common
 * fork-join pool), never on the {@code posa4j-scheduler} thread that fires the deadlines.
 */
class AsyncThreadsTest {
  private static final String METHOD = "com.acme.Quotes/fetch";
  /** The name prefix of the threads of the executor given to the policies. */
  private static final String EXECUTOR_THREAD = "test-async-";

  private ExecutorService executor;

  @BeforeEach
  void startExecutor() {
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, EXECUTOR_THREAD + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterEach
  void stopExecutor() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Both ways to a retry: at once (no delay), and after a delay. */
  @ParameterizedTest(name = "retry delay {0} ms")
  @ValueSource(ints = {0, 20})
  void theFirstAttemptRunsOnTheCallersThreadAndTheRetriesOnTheExecutor(int delayMillis) throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(delayMillis)).jitter(0).build())
        .asyncExecutor(executor)
        .build();
    List<Thread> attempts = new CopyOnWriteArrayList<>();

    CompletableFuture<String> result = policy.callAsync(() -> {
      attempts.add(Thread.currentThread());
      return attempts.size() < 3
          ? CompletableFuture.failedFuture(new ScriptedFailure("attempt " + attempts.size()))
          : CompletableFuture.completedFuture("third attempt");
    });

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("third attempt");
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(0)).as("the first attempt").isSameAs(Thread.currentThread());
    assertThat(attempts.subList(1, 3)).as("the retries")
        .allSatisfy(thread -> assertThat(thread.getName()).startsWith(EXECUTOR_THREAD));
  }

  @Test
  void aCallThatWaitedInTheBulkheadsQueueRunsOnTheExecutor() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .bulkhead(BulkheadPolicy.of(1, 1))
        .asyncExecutor(executor)
        .build();
    CompletableFuture<String> firstStage = new CompletableFuture<>();
    AtomicReference<Thread> firstRanOn = new AtomicReference<>();
    CompletableFuture<Thread> queuedRanOn = new CompletableFuture<>();

    CompletableFuture<String> first = policy.callAsync(() -> {
      firstRanOn.set(Thread.currentThread());
      return firstStage;
    });
    CompletableFuture<String> queued = policy.callAsync(() -> {
      queuedRanOn.complete(Thread.currentThread());
      return CompletableFuture.completedFuture("queued");
    });
    assertThat(policy.bulkheadWaiting()).isEqualTo(1);
    assertThat(queuedRanOn).isNotDone();

    firstStage.complete("first"); // frees the slot, on this thread

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
    assertThat(firstRanOn.get()).isSameAs(Thread.currentThread());
    assertThat(queuedRanOn.get(5, TimeUnit.SECONDS).getName()).startsWith(EXECUTOR_THREAD);
  }

  /**
   * The listener, the fallback and the dependents of the caller's future run on the executor. The
   * fallback waits until the test has registered its dependent, so that the dependent runs on the
   * thread that completes the future rather than on the test's thread.
   */
  @Test
  void whatFollowsATimeoutRunsOnTheExecutorNotOnTheSchedulerThread() throws Exception {
    Map<String, Thread> ranOn = new ConcurrentHashMap<>();
    CountDownLatch dependentRegistered = new CountDownLatch(1);
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .fallback(FallbackPolicy.of(context -> {
          ranOn.put("fallback", Thread.currentThread());
          await(dependentRegistered);
          return "fallback";
        }))
        .listener(new FaultToleranceListener() {
          @Override
          public void onTimeout(String method, TimeoutExceededException timeout) {
            ranOn.put("onTimeout", Thread.currentThread());
          }

          @Override
          public void onFallback(String method, Throwable failure) {
            ranOn.put("onFallback", Thread.currentThread());
          }
        })
        .asyncExecutor(executor)
        .build();

    CompletableFuture<String> result = policy.callAsync(CompletableFuture::new); // never completes
    CompletableFuture<Thread> completedOn = result.thenApply(value -> Thread.currentThread());
    dependentRegistered.countDown();

    // Waits on the dependent, not on the caller's future: a thread waiting in get() of a future
    // may help run that future's dependents itself, which would hide the thread that completed it.
    ranOn.put("completing the caller's future", completedOn.get(5, TimeUnit.SECONDS));
    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("fallback");
    assertThat(ranOn).containsOnlyKeys("onTimeout", "onFallback", "fallback", "completing the caller's future");
    ranOn.forEach((step, thread) -> assertThat(thread.getName()).as(step)
        .isNotEqualTo("posa4j-scheduler")
        .startsWith(EXECUTOR_THREAD));
  }

  @Test
  void withoutAnExecutorOfItsOwnAPolicyRetriesOnTheCommonPool() throws Exception {
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .retry(RetryPolicy.builder().maxRetries(1).jitter(0).build())
        .build();
    List<Thread> attempts = new CopyOnWriteArrayList<>();

    CompletableFuture<String> result = policy.callAsync(() -> {
      attempts.add(Thread.currentThread());
      return attempts.size() < 2
          ? CompletableFuture.failedFuture(new ScriptedFailure("first attempt"))
          : CompletableFuture.completedFuture("retried");
    });

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("retried");
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0)).isSameAs(Thread.currentThread());
    assertThat(attempts.get(1)).isInstanceOfSatisfying(ForkJoinWorkerThread.class,
        worker -> assertThat(worker.getPool()).isSameAs(ForkJoinPool.commonPool()));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
