package io.github.posa4j.active.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.active.ActiveObjectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Active objects on a shared executor: serial per active object, no thread held when idle. */
class SharedExecutorTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void requestsOfOneActiveObjectRunOneAtATimeInOrderOnThePoolThreads() {
    Ledger ledger = new Ledger();
    ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(ledger,
        ActiveObjectOptions.builder().sharedExecutor(pool).build(), "Ledger");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      expected.add("entry " + i);
      scheduler.submit(new Ledger.Record("entry " + i));
    }
    Object thread = scheduler.submit(new Ledger.Call(() -> Thread.currentThread().getName())).join();
    scheduler.close();

    assertThat(ledger.entries).isEqualTo(expected);
    assertThat(ledger.overlaps).isZero();
    assertThat((String) thread).startsWith("pool-");
    assertThat(scheduler.isTerminated()).isTrue();
  }

  @Test
  void anIdleActiveObjectHoldsNoThreadAndCloseNeedsNoRequest() {
    AtomicInteger tasks = new AtomicInteger();
    ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(new Ledger(),
        ActiveObjectOptions.builder().sharedExecutor(task -> {
          tasks.incrementAndGet();
          pool.execute(task);
        }).build(), "Ledger");
    assertThat(tasks).as("nothing runs before a request").hasValue(0);
    scheduler.submit(new Ledger.Record("one")).join();
    assertThat(tasks.get()).isPositive();
    scheduler.close();
    assertThat(scheduler.isTerminated()).isTrue();
  }

  @Test
  void aBlockedActiveObjectDoesNotHoldUpOthersOnTheSameExecutor() throws Exception {
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      ActiveObjectOptions shared = ActiveObjectOptions.builder().sharedExecutor(two).build();
      ActiveObjectScheduler<Ledger> blocked = ActiveObjectScheduler.start(new Ledger(), shared, "Blocked");
      ActiveObjectScheduler<Ledger> free = ActiveObjectScheduler.start(new Ledger(), shared, "Free");
      CountDownLatch release = new CountDownLatch(1);
      Ledger.Hold hold = new Ledger.Hold(release);
      blocked.submit(hold);
      hold.started.await();
      CompletableFuture<Void> queuedBehind = blocked.submit(new Ledger.Record("behind"));

      assertThat(free.submit(new Ledger.Add(3)).join()).isEqualTo(3L);
      assertThat(queuedBehind).isNotDone();
      release.countDown();
      queuedBehind.join();
      blocked.close();
      free.close();
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void anExecutorThatRefusesToTakeOverABusyActiveObjectLeavesTheTurnWithItsThread() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Ledger ledger = new Ledger();
    ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(ledger,
        ActiveObjectOptions.builder().sharedExecutor(task -> {
          if (accepted.get() == 0) {
            accepted.incrementAndGet();
            pool.execute(task);
          } else {
            refused.incrementAndGet();
            throw new RejectedExecutionException("pool queue full");
          }
        }).build(), "Ledger");
    Ledger.Hold hold = new Ledger.Hold(release);
    scheduler.submit(hold);
    hold.started.await();
    List<CompletableFuture<Long>> queued = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      queued.add(scheduler.submit(new Ledger.Add(1)));
    }
    release.countDown();

    CompletableFuture.allOf(queued.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    assertThat(ledger.total).isEqualTo(1_000);
    assertThat(refused.get()).as("hand-overs refused after full turns").isPositive();
    assertThat(scheduler.isClosed()).isFalse();
  }

  @Test
  void anExecutorThatRefusesFailsTheQueuedRequestsAndStopsTheActiveObject() {
    RejectedExecutionException refusal = new RejectedExecutionException("pool is shut down");
    ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(new Ledger(),
        ActiveObjectOptions.builder().name("orphan").sharedExecutor(task -> {
          throw refusal;
        }).build(), "Ledger");

    CompletableFuture<Void> request = scheduler.submit(new Ledger.Record("never"));

    assertThatThrownBy(request::join).cause().isExactlyInstanceOf(RejectedExecutionException.class)
        .hasMessage("active object orphan stopped before Record ran: " + refusal)
        .hasCause(refusal);
    assertThat(scheduler.isTerminated()).isTrue();
    assertThat(scheduler.pendingRequests()).isZero();
    assertThatThrownBy(scheduler.submit(new Ledger.Record("later"))::join).cause()
        .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("is closed");
  }
}
