package io.github.posa4j.active.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.active.ActiveObjectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * close() and shutdownNow() racing with callers on several threads: every future completes
 * exactly one way, the counts add up, and nothing runs after the call returns.
 */
class LifecycleRaceTest {
  private static final int CALLERS = 8;
  private static final int CALLS = 20_000;

  private static ActiveObjectOptions options(boolean shared, ExecutorService pool) {
    return shared ? ActiveObjectOptions.builder().capacity(512).sharedExecutor(pool).build()
        : ActiveObjectOptions.builder().capacity(512).build();
  }

  @ParameterizedTest(name = "shared executor: {0}")
  @ValueSource(booleans = {false, true})
  void closeWhileCallersSubmitRunsEveryAcceptedRequestAndRefusesTheRest(boolean shared) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Ledger ledger = new Ledger();
      ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(ledger, options(shared, pool), "Race");
      List<List<CompletableFuture<Long>>> futures = submitFromCallers(() -> scheduler.submit(new Ledger.Add(1)),
          () -> {
            scheduler.close();
            return ledger.total;
          });

      long totalWhenCloseReturned = closeResult;
      long executed = 0;
      long refused = 0;
      for (List<CompletableFuture<Long>> ofOneCaller : futures) {
        for (CompletableFuture<Long> future : ofOneCaller) {
          assertThat(future).isDone();
          if (future.isCompletedExceptionally()) {
            assertThat(failureOf(future)).isExactlyInstanceOf(RejectedExecutionException.class);
            refused++;
          } else {
            executed++;
          }
        }
      }
      assertThat(executed + refused).isEqualTo((long) CALLERS * CALLS);
      assertThat(ledger.total).isEqualTo(executed).isEqualTo(totalWhenCloseReturned);
      assertThat(ledger.overlaps).isZero();
      assertThat(scheduler.pendingRequests()).isZero();
      assertThat(scheduler.isTerminated()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "shared executor: {0}")
  @ValueSource(booleans = {false, true})
  void shutdownNowWhileCallersSubmitCancelsExactlyTheCountItReturns(boolean shared) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Ledger ledger = new Ledger();
      ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(ledger, options(shared, pool), "Race");
      List<List<CompletableFuture<Long>>> futures = submitFromCallers(() -> scheduler.submit(new Ledger.Add(1)),
          () -> (long) scheduler.shutdownNow());

      long executed = 0;
      long cancelled = 0;
      long refused = 0;
      for (List<CompletableFuture<Long>> ofOneCaller : futures) {
        for (CompletableFuture<Long> future : ofOneCaller) {
          assertThat(future).isDone();
          if (future.isCancelled()) {
            cancelled++;
          } else if (future.isCompletedExceptionally()) {
            assertThat(failureOf(future)).isExactlyInstanceOf(RejectedExecutionException.class);
            refused++;
          } else {
            executed++;
          }
        }
      }
      assertThat(executed + cancelled + refused).isEqualTo((long) CALLERS * CALLS);
      assertThat(cancelled).isEqualTo(closeResult);
      assertThat(ledger.total).isEqualTo(executed);
      assertThat(ledger.overlaps).isZero();
      assertThat(scheduler.isTerminated()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "shared executor: {0}")
  @ValueSource(booleans = {false, true})
  void burstsOfCallsWithPausesBetweenNeverLoseAWakeUp(boolean shared) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Ledger ledger = new Ledger();
      ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(ledger, options(shared, pool), "Bursts");
      int rounds = 50_000;
      for (int round = 0; round < rounds; round++) {
        CompletableFuture<Long> last = null;
        for (int call = 0; call < 20; call++) {
          last = scheduler.submit(new Ledger.Add(1));
        }
        // Each burst ends with the active object going idle, then asleep, then woken by the next.
        assertThat(last.get(10, TimeUnit.SECONDS)).as("round %d", round).isEqualTo(20L * (round + 1));
      }
      scheduler.close();
    } finally {
      pool.shutdownNow();
    }
  }

  private long closeResult;

  /**
   * Runs {@link #CALLERS} threads making {@link #CALLS} calls each, and {@code stop} once a
   * quarter of the calls were made; keeps what {@code stop} returned in {@link #closeResult}.
   */
  private List<List<CompletableFuture<Long>>> submitFromCallers(Supplier<CompletableFuture<Long>> call,
      Supplier<Long> stop) throws InterruptedException {
    List<List<CompletableFuture<Long>>> futures = new ArrayList<>();
    CountDownLatch quarterDone = new CountDownLatch(CALLERS);
    List<Thread> callers = new ArrayList<>();
    for (int c = 0; c < CALLERS; c++) {
      List<CompletableFuture<Long>> mine = new ArrayList<>(CALLS);
      futures.add(mine);
      Thread caller = new Thread(() -> {
        for (int i = 0; i < CALLS; i++) {
          mine.add(call.get());
          if (i == CALLS / 4) {
            quarterDone.countDown();
          }
        }
      });
      callers.add(caller);
      caller.start();
    }
    assertThat(quarterDone.await(30, TimeUnit.SECONDS)).isTrue();
    closeResult = stop.get();
    for (Thread caller : callers) {
      caller.join();
    }
    return futures;
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.join();
      throw new AssertionError("not failed");
    } catch (CompletionException e) {
      return e.getCause();
    } catch (CancellationException e) {
      return e;
    }
  }
}
