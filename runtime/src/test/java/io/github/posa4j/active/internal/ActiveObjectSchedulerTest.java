package io.github.posa4j.active.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.OverflowPolicy;
import io.github.posa4j.active.QueueFullException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on a dedicated thread: order, failures, guards, futures from stages, close,
 * shutdownNow, pending counts and overflow.
 */
class ActiveObjectSchedulerTest {
  private final Ledger ledger = new Ledger();
  private final List<ActiveObjectScheduler<?>> started = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    started.forEach(ActiveObjectScheduler::shutdownNow);
  }

  private ActiveObjectScheduler<Ledger> start(ActiveObjectOptions options) {
    ActiveObjectScheduler<Ledger> scheduler = ActiveObjectScheduler.start(ledger, options, "LedgerActiveObject");
    started.add(scheduler);
    return scheduler;
  }

  private ActiveObjectScheduler<Ledger> start() {
    return start(ActiveObjectOptions.defaults());
  }

  /** Holds the active object inside a request until the returned latch is opened. */
  private static CountDownLatch hold(ActiveObjectScheduler<Ledger> scheduler) throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    Ledger.Hold hold = new Ledger.Hold(release);
    scheduler.submit(hold);
    assertThat(hold.started.await(10, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  @Test
  void runsRequestsInTheOrderTheyArriveAndAnswersThroughTheRequestItself() {
    ActiveObjectScheduler<Ledger> scheduler = start();
    Ledger.Add add = new Ledger.Add(5);

    CompletableFuture<Void> first = scheduler.submit(new Ledger.Record("a"));
    CompletableFuture<Long> total = scheduler.submit(add);
    scheduler.submit(new Ledger.Record("b"));
    scheduler.close();

    assertThat(total).isSameAs(add).isCompletedWithValue(5L);
    assertThat(first).isCompletedWithValue(null);
    assertThat(ledger.entries).containsExactly("a", "b");
  }

  @Test
  void aFailingRequestFailsOnlyItsFutureAndTheActiveObjectKeepsServing() {
    ActiveObjectScheduler<Ledger> scheduler = start();

    CompletableFuture<Void> checked = scheduler.submit(new Ledger.Fail(new IOException("disk gone")));
    CompletableFuture<Void> unchecked = scheduler.submit(new Ledger.Fail(new IllegalStateException("bad state")));
    CompletableFuture<Void> after = scheduler.submit(new Ledger.Record("still serving"));

    assertThatThrownBy(checked::get).isInstanceOf(ExecutionException.class)
        .cause().isExactlyInstanceOf(IOException.class).hasMessage("disk gone");
    assertThatThrownBy(unchecked::join).isInstanceOf(CompletionException.class)
        .cause().isExactlyInstanceOf(IllegalStateException.class);
    assertThat(after.join()).isNull();
    assertThat(ledger.entries).containsExactly("still serving");
  }

  @Test
  void aServantStageCompletesTheFutureWithItsOutcomeNotANestedFuture() {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CompletableFuture<String> later = new CompletableFuture<>();
    CompletableFuture<String> failing = new CompletableFuture<>();

    CompletableFuture<String> answer = scheduler.submit(new Ledger.Later(later));
    CompletableFuture<String> failure = scheduler.submit(new Ledger.Later(failing));
    CompletableFuture<String> missing = scheduler.submit(new Ledger.Later(null));
    assertThat(scheduler.submit(new Ledger.Record("after")).join()).isNull();

    assertThat(answer).isNotDone();
    later.complete("done");
    failing.completeExceptionally(new CompletionException(new IOException("remote failed")));
    assertThat(answer.join()).isEqualTo("done");
    assertThatThrownBy(failure::join).cause().isExactlyInstanceOf(IOException.class);
    assertThatThrownBy(missing::join).cause().isExactlyInstanceOf(NullPointerException.class)
        .hasMessageContaining("Later: the servant method returned null instead of a CompletionStage");
  }

  @Test
  void aRequestWhoseGuardIsFalseWaitsWithoutHoldingUpTheRequestsBehindIt() {
    ActiveObjectScheduler<Ledger> scheduler = start();

    CompletableFuture<Void> guarded = scheduler.submit(new Ledger.Guarded("guarded", l -> l.entries.size() >= 2));
    scheduler.submit(new Ledger.Record("first"));
    assertThat(scheduler.submit(new Ledger.Record("second")).join()).isNull();
    guarded.join();
    scheduler.submit(new Ledger.Record("third")).join();

    assertThat(ledger.entries).containsExactly("first", "second", "guarded", "third");
  }

  @Test
  void waitingRequestsThatMayRunGoFirstOldestFirst() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CountDownLatch release = hold(scheduler);
    scheduler.submit(new Ledger.Guarded("w1", l -> l.entries.contains("open")));
    scheduler.submit(new Ledger.Guarded("w2", l -> l.entries.contains("open")));
    scheduler.submit(new Ledger.Record("open"));
    scheduler.submit(new Ledger.Record("later"));
    release.countDown();
    scheduler.close();

    assertThat(ledger.entries).containsExactly("held", "open", "w1", "w2", "later");
  }

  @Test
  void ofManyWaitingRequestsWithOneGuardOnlyTheOldestIsExamined() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CountDownLatch release = hold(scheduler);
    Ledger.Threshold.GUARD_CALLS.set(0);
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      waiting.add(scheduler.submit(new Ledger.Threshold("waited " + i)));
    }
    for (int i = 0; i < 10; i++) {
      scheduler.submit(new Ledger.Add(1));
    }
    release.countDown();
    Object guardCallsBeforeThisRequest = scheduler.submit(new Ledger.Call(Ledger.Threshold.GUARD_CALLS::get)).join();

    assertThat(guardCallsBeforeThisRequest).as("one on arrival, one after each of the 10 additions").isEqualTo(11);
    assertThat(waiting).noneMatch(CompletableFuture::isDone);
    scheduler.submit(new Ledger.Add(90));
    CompletableFuture.allOf(waiting.toArray(new CompletableFuture<?>[0])).join();
    List<String> inSubmissionOrder = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      inSubmissionOrder.add("waited " + i);
    }
    assertThat(ledger.entries.subList(1, 1_001)).isEqualTo(inSubmissionOrder);
  }

  @Test
  void aWithdrawnWaitingRequestLetsTheOneBehindItBeExamined() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CompletableFuture<Void> withdrawn = scheduler.submit(new Ledger.Threshold("withdrawn"));
    CompletableFuture<Void> behind = scheduler.submit(new Ledger.Threshold("behind"));
    scheduler.submit(new Ledger.Record("both wait now")).join();
    withdrawn.cancel(false);

    scheduler.submit(new Ledger.Add(100));

    behind.get(10, TimeUnit.SECONDS);
    assertThat(ledger.entries).containsExactly("both wait now", "behind");
    scheduler.close();
    assertThat(scheduler.pendingRequests()).isZero();
  }

  @Test
  void aGuardThatThrowsFailsItsRequestOnly() {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CompletableFuture<Void> broken = scheduler.submit(new Ledger.Guarded("never", l -> {
      throw new IllegalStateException("guard broke");
    }));
    assertThatThrownBy(broken::join).cause().hasMessage("guard broke");
    assertThat(scheduler.submit(new Ledger.Record("ok")).join()).isNull();
    assertThat(scheduler.pendingRequests()).isZero();
  }

  @Test
  void pendingRequestsCountsQueuedAndWaitingRequestsButNotTheRunningOne() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    scheduler.submit(new Ledger.Guarded("waits", l -> l.entries.contains("go")));
    CountDownLatch release = hold(scheduler);
    scheduler.submit(new Ledger.Record("queued 1"));
    scheduler.submit(new Ledger.Record("queued 2"));

    assertThat(scheduler.pendingRequests()).isEqualTo(3);
    release.countDown();
    scheduler.submit(new Ledger.Record("go")).join();
    scheduler.close();
    assertThat(scheduler.pendingRequests()).isZero();
  }

  @Test
  void closeRunsWhatIsQueuedThenReturnsAndLaterCallsAreRefused() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CountDownLatch release = hold(scheduler);
    List<CompletableFuture<Long>> queued = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      queued.add(scheduler.submit(new Ledger.Add(i)));
    }
    Thread closer = new Thread(scheduler::close);
    closer.start();
    release.countDown();
    closer.join();

    assertThat(queued).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
    assertThat(ledger.total).isEqualTo(5050);
    assertThat(scheduler.isTerminated()).isTrue();
    CompletableFuture<Void> late = scheduler.submit(new Ledger.Record("late"));
    assertThatThrownBy(late::join).cause().isExactlyInstanceOf(RejectedExecutionException.class)
        .hasMessage("active object LedgerActiveObject-" + nameSuffix(scheduler)
            + " is closed: Record was not accepted; submit before close() or start a new one");
  }

  @Test
  void closeCancelsGuardedRequestsThatNothingCanReleaseAnyMore() {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CompletableFuture<Void> stuck = scheduler.submit(new Ledger.Guarded("stuck", l -> false));
    scheduler.submit(new Ledger.Record("runs")).join();

    scheduler.close();

    assertThat(stuck).isCancelled();
    // The exception itself, as handle() sees it: join() of a cancelled future wraps it on JDK 23+.
    assertThat(stuck.handle((nothing, failure) -> failure).join()).isInstanceOf(CancellationException.class)
        .hasMessageContaining("was closed while Guarded waited for its guard");
    assertThat(ledger.entries).containsExactly("runs");
  }

  @Test
  void shutdownNowLetsTheRunningRequestFinishAndCancelsTheQueuedOnes() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CountDownLatch release = new CountDownLatch(1);
    Ledger.Hold running = new Ledger.Hold(release);
    scheduler.submit(running);
    running.started.await();
    List<CompletableFuture<Void>> queued = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      queued.add(scheduler.submit(new Ledger.Record("queued " + i)));
    }
    queued.add(scheduler.submit(new Ledger.Guarded("waiting", l -> false)));

    CompletableFuture<Integer> cancelled = CompletableFuture.supplyAsync(scheduler::shutdownNow);
    while (!scheduler.stopRequested()) {
      Thread.onSpinWait(); // until shutdownNow() has told the consumer to cancel, before the running request ends
    }
    release.countDown();

    assertThat(cancelled.get(10, TimeUnit.SECONDS)).isEqualTo(51);
    assertThat(running).isCompletedWithValue(null);
    assertThat(queued).allMatch(CompletableFuture::isCancelled);
    assertThat(ledger.entries).containsExactly("held");
    assertThat(scheduler.isTerminated()).isTrue();
    assertThat(scheduler.shutdownNow()).as("a second call").isZero();
  }

  @Test
  void aRequestWithdrawnBeforeItStartsDoesNotRun() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CountDownLatch release = hold(scheduler);
    CompletableFuture<Void> withdrawn = scheduler.submit(new Ledger.Record("withdrawn"));
    CompletableFuture<Void> kept = scheduler.submit(new Ledger.Record("kept"));
    withdrawn.cancel(false);
    release.countDown();

    kept.join();
    assertThat(ledger.entries).containsExactly("held", "kept");
    assertThat(scheduler.pendingRequests()).isZero();
  }

  @Test
  void aFullQueueFailsTheCallUnderTheFailPolicy() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder()
        .name("ledger").capacity(2).overflowPolicy(OverflowPolicy.FAIL).build());
    CountDownLatch release = hold(scheduler);
    CompletableFuture<Void> first = scheduler.submit(new Ledger.Record("1"));
    CompletableFuture<Void> second = scheduler.submit(new Ledger.Record("2"));
    CompletableFuture<Void> third = scheduler.submit(new Ledger.Record("3"));

    assertThatThrownBy(third::join).cause().isExactlyInstanceOf(QueueFullException.class)
        .hasMessage("active object ledger has 2 requests queued, its capacity: Record was not accepted"
            + " (OverflowPolicy.FAIL); raise ActiveObjectOptions capacity or slow the callers down");
    release.countDown();
    CompletableFuture.allOf(first, second).join();
    assertThat(ledger.entries).containsExactly("held", "1", "2");
  }

  @Test
  void aFullQueueMakesTheCallerWaitUnderTheBlockPolicy() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder().capacity(1).build());
    CountDownLatch release = hold(scheduler);
    scheduler.submit(new Ledger.Record("fits"));
    AtomicReference<CompletableFuture<Void>> blocked = new AtomicReference<>();
    Thread caller = new Thread(() -> blocked.set(scheduler.submit(new Ledger.Record("waited"))));
    caller.start();
    awaitWaiting(caller);
    assertThat(blocked.get()).as("the caller is still inside submit").isNull();

    release.countDown();
    caller.join();
    blocked.get().join();
    assertThat(ledger.entries).containsExactly("held", "fits", "waited");
  }

  @Test
  void aQueueFullOfRequestsWaitingForGuardsAdmitsTheCallThatReleasesThem() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder().capacity(2).build());
    CompletableFuture<Void> first = scheduler.submit(new Ledger.Threshold("first"));
    CompletableFuture<Void> second = scheduler.submit(new Ledger.Threshold("second"));

    CompletableFuture<Long> release = scheduler.submit(new Ledger.Add(100));
    CompletableFuture<Long> afterwards = scheduler.submit(new Ledger.Add(1));

    assertThat(release.get(10, TimeUnit.SECONDS)).isEqualTo(100L);
    CompletableFuture.allOf(first, second, afterwards).get(10, TimeUnit.SECONDS);
    assertThat(ledger.entries).containsExactly("first", "second");
    assertThat(ledger.total).isEqualTo(101L);
  }

  @Test
  void aCallerWaitingForRoomIsReleasedByCloseWithARefusal() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder().capacity(1).build());
    CountDownLatch release = hold(scheduler);
    scheduler.submit(new Ledger.Record("fits"));
    AtomicReference<CompletableFuture<Void>> blocked = new AtomicReference<>();
    Thread caller = new Thread(() -> blocked.set(scheduler.submit(new Ledger.Record("refused"))));
    caller.start();
    awaitWaiting(caller);

    Thread closer = new Thread(scheduler::close);
    closer.start();
    caller.join();
    assertThatThrownBy(blocked.get()::join).cause().isExactlyInstanceOf(RejectedExecutionException.class);
    release.countDown();
    closer.join();
    assertThat(ledger.entries).containsExactly("held", "fits");
  }

  @Test
  void anInterruptedWaitingCallerGetsAFailedFutureAndKeepsItsInterrupt() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder().capacity(1).build());
    CountDownLatch release = hold(scheduler);
    scheduler.submit(new Ledger.Record("fits"));
    AtomicReference<CompletableFuture<Void>> blocked = new AtomicReference<>();
    AtomicReference<Boolean> interruptKept = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      blocked.set(scheduler.submit(new Ledger.Record("interrupted")));
      interruptKept.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    awaitWaiting(caller);
    caller.interrupt();
    caller.join();

    assertThat(interruptKept.get()).isTrue();
    assertThatThrownBy(blocked.get()::join).cause().isExactlyInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("interrupted while waiting for room").hasCauseInstanceOf(InterruptedException.class);
    release.countDown();
    scheduler.close();
    assertThat(ledger.entries).containsExactly("held", "fits");
  }

  @Test
  void aServantCallingItsOwnFullActiveObjectGetsAFailureInsteadOfADeadlock() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder().capacity(1).build());
    CountDownLatch release = hold(scheduler);
    CompletableFuture<Object> selfCall = scheduler.submit(new Ledger.Call(() -> {
      scheduler.submit(new Ledger.Record("fills the queue"));
      return scheduler.submit(new Ledger.Record("one too many"));
    }));
    release.countDown();

    Object inner = selfCall.join();
    assertThatThrownBy(((CompletableFuture<?>) inner)::join).cause().isExactlyInstanceOf(QueueFullException.class)
        .hasMessageContaining("a call from the active object's own thread cannot wait for itself");
    scheduler.close();
    assertThat(ledger.entries).containsExactly("held", "fills the queue");
  }

  @Test
  void closeFromTheServantReturnsAtOnceAndTheActiveObjectFinishesAfterwards() {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CompletableFuture<Object> closing = scheduler.submit(new Ledger.Call(() -> {
      scheduler.close();
      return "closed";
    }));
    assertThat(closing.join()).isEqualTo("closed");
    assertThat(scheduler.isClosed()).isTrue();
    scheduler.close();
    assertThat(scheduler.isTerminated()).isTrue();
  }

  @Test
  void shutdownNowFromTheServantCancelsTheQueuedRequestsBeforeReturning() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CountDownLatch release = hold(scheduler);
    CompletableFuture<Object> stopping = scheduler.submit(new Ledger.Call(() -> {
      int cancelled = scheduler.shutdownNow();
      return cancelled;
    }));
    CompletableFuture<Void> queued = scheduler.submit(new Ledger.Record("queued"));
    release.countDown();

    assertThat(stopping.join()).isEqualTo(1);
    assertThat(queued).isCancelled();
  }

  @Test
  void anInterruptedCloseCancelsTheQueuedRequestsAndKeepsTheInterrupt() throws Exception {
    ActiveObjectScheduler<Ledger> scheduler = start();
    CountDownLatch release = hold(scheduler);
    CompletableFuture<Void> queued = scheduler.submit(new Ledger.Record("queued"));
    AtomicReference<Boolean> interruptKept = new AtomicReference<>();
    Thread closer = new Thread(() -> {
      scheduler.close();
      interruptKept.set(Thread.currentThread().isInterrupted());
    });
    closer.start();
    awaitWaiting(closer);
    closer.interrupt();
    while (!scheduler.stopRequested()) {
      Thread.onSpinWait(); // until the interrupted close() has turned into a shutdownNow()
    }
    release.countDown();
    closer.join();

    assertThat(interruptKept.get()).isTrue();
    assertThat(queued).isCancelled();
  }

  @Test
  void threadsAreNamedAfterTheActiveObject() {
    ActiveObjectScheduler<Ledger> named = start(ActiveObjectOptions.builder().name("ledger-main").build());
    ActiveObjectScheduler<Ledger> unnamed = start();
    assertThat(named.submit(new Ledger.Call(() -> Thread.currentThread().getName())).join()).isEqualTo("ledger-main");
    assertThat(unnamed.submit(new Ledger.Call(() -> Thread.currentThread().getName())).join())
        .isEqualTo(unnamed.name());
    assertThat(unnamed.name()).matches("LedgerActiveObject-\\d+");
    assertThat(named.submit(new Ledger.Call(() -> Thread.currentThread().isDaemon())).join()).isEqualTo(false);
    assertThat(named).hasToString("ledger-main (running, 0 pending)");
  }

  @Test
  void aThreadFactoryOfTheUserMakesTheThread() {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder()
        .threadFactory(task -> new Thread(task, "mine")).build());
    assertThat(scheduler.submit(new Ledger.Call(() -> Thread.currentThread().getName())).join()).isEqualTo("mine");

    ActiveObjectOptions broken = ActiveObjectOptions.builder().name("broken").threadFactory(task -> null).build();
    assertThatThrownBy(() -> ActiveObjectScheduler.start(ledger, broken, "Ledger"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("the ThreadFactory of ActiveObjectOptions returned null for active object broken;"
            + " it must return a new, unstarted thread");
  }

  @Test
  void aVirtualThreadWhereTheRuntimeHasThem() throws Throwable {
    ActiveObjectScheduler<Ledger> scheduler = start(ActiveObjectOptions.builder().virtualThread().build());
    Object isVirtual = scheduler.submit(new Ledger.Call(() -> {
      try {
        return Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
      } catch (ReflectiveOperationException before21) {
        return false;
      }
    })).join();
    assertThat(isVirtual).isEqualTo(ActiveObjectOptions.virtualThreadsAvailable());
    assertThat(ActiveObjectOptions.virtualThreadsAvailable()).isEqualTo(Runtime.version().feature() >= 21);
  }

  /**
   * The defaults: a queue of 65,536 requests, callers waiting when it is full, a dedicated thread.
   * Under {@code FAIL} the default capacity shows: 65,536 requests queue up behind a running one,
   * and the next is refused.
   */
  @Test
  void theDefaultCapacityIs65536QueuedRequests() throws Exception {
    ActiveObjectOptions defaults = ActiveObjectOptions.defaults();
    assertThat(defaults.capacity()).isEqualTo(ActiveObjectOptions.DEFAULT_CAPACITY).isEqualTo(65_536);
    assertThat(defaults.overflowPolicy()).isEqualTo(OverflowPolicy.BLOCK);
    assertThat(defaults.name()).isEmpty();
    assertThat(defaults.sharedExecutor()).isEmpty();
    assertThat(ActiveObjectOptions.builder().build()).hasToString(defaults.toString()).hasToString(
        "ActiveObjectOptions[name=(servant type), capacity=65536, overflowPolicy=BLOCK, runs on dedicated thread]");

    ActiveObjectScheduler<Ledger> scheduler =
        start(ActiveObjectOptions.builder().overflowPolicy(OverflowPolicy.FAIL).build());
    CountDownLatch release = hold(scheduler);
    List<CompletableFuture<Long>> queued = new ArrayList<>();
    for (int i = 0; i < 65_536; i++) {
      queued.add(scheduler.submit(new Ledger.Add(1)));
    }
    assertThat(scheduler.pendingRequests()).isEqualTo(65_536);
    CompletableFuture<Long> refused = scheduler.submit(new Ledger.Add(1));

    assertThatThrownBy(refused::join).cause().isExactlyInstanceOf(QueueFullException.class)
        .hasMessageContaining("has 65536 requests queued");
    release.countDown();
    CompletableFuture.allOf(queued.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
    assertThat(ledger.total).isEqualTo(65_536L);
  }

  @Test
  void badOptionsNameTheSettingAndTheRange() {
    assertThatThrownBy(() -> ActiveObjectOptions.builder().capacity(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("ActiveObjectOptions capacity = 0 is out of range: give a number of queued requests from 1 to 536870911");
    assertThatThrownBy(() -> ActiveObjectOptions.builder().name(" "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ActiveObjectOptions name must not be blank");
    ActiveObjectOptions options = ActiveObjectOptions.builder().capacity(8).overflowPolicy(OverflowPolicy.FAIL).build();
    assertThat(options.toBuilder().name("x").build())
        .hasToString("ActiveObjectOptions[name=x, capacity=8, overflowPolicy=FAIL, runs on dedicated thread]");
  }

  private static String nameSuffix(ActiveObjectScheduler<?> scheduler) {
    return scheduler.name().substring(scheduler.name().lastIndexOf('-') + 1);
  }

  /** Until {@code thread} waits on a monitor or a latch; a state, not a time. */
  static void awaitWaiting(Thread thread) {
    while (thread.getState() != Thread.State.WAITING) {
      assertThat(thread.isAlive()).as("the thread ended instead of waiting").isTrue();
      Thread.onSpinWait();
    }
  }
}
