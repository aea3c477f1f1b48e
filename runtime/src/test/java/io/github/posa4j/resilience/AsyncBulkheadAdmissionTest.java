package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous bulkhead turns a call away only when every slot runs a call and every place of
 * its queue holds one, and its view never counts more waiting calls than the queue has places.
 *
 * <p>Each test plays rounds. A round starts with the bulkhead full: {@value #SLOTS} calls running
 * and {@value #PLACES} waiting. The test thread then completes the oldest running call, which
 * starts the oldest waiting one and so frees one place in the queue, while {@value #CALLERS}
 * callers keep calling. A caller stops at the first rejection of a call it began after the waiting
 * call had started; every caller then stops. Nothing else frees a place during a round, so if the
 * queue is not full once every caller has stopped, it was not full when that call was rejected
 * either: the call was turned away while there was room.
 */
class AsyncBulkheadAdmissionTest {
  private static final int SLOTS = 2;
  private static final int PLACES = 4;
  private static final int CALLERS = 3;
  private static final int MAX_ROUNDS = 20_000;
  private static final long MAX_PLAY_NANOS = TimeUnit.SECONDS.toNanos(4);
  private static final int MAX_CALLS_PER_ROUND = 100_000;
  /** Fewer than the breaker's window holds, so that it never judges, and never opens. */
  private static final int MAX_REJECTIONS = 1 << 22;
  private static final int BREAKER_WINDOW = 1 << 23;

  @Test
  void aCallIsTurnedAwayOnlyWhenTheSlotsAndTheQueueAreFull() throws Exception {
    try (Rounds rounds = new Rounds(FaultTolerance.builder("admission/queue"))) {
      rounds.play(() -> {});
    }
  }

  @Test
  void theViewNeverCountsMoreWaitingCallsThanTheQueueHasPlaces() throws Exception {
    try (Rounds rounds = new Rounds(FaultTolerance.builder("admission/view"))) {
      BulkheadView view = rounds.view;
      AtomicInteger mostWaiting = new AtomicInteger();
      AtomicInteger mostInUse = new AtomicInteger();
      Future<?> sampler = rounds.sideThread.submit(() -> {
        while (!rounds.over) {
          mostWaiting.accumulateAndGet(view.waiting(), Math::max);
          mostInUse.accumulateAndGet(view.inUse(), Math::max);
        }
      });
      rounds.play(() -> {
        assertThat(mostWaiting.get()).as("most waiting calls the view ever showed").isLessThanOrEqualTo(PLACES);
        assertThat(mostInUse.get()).as("most slots in use the view ever showed").isLessThanOrEqualTo(SLOTS);
      });
      sampler.get(10, TimeUnit.SECONDS);
      assertThat(mostWaiting.get()).as("most waiting calls the view ever showed").isEqualTo(PLACES);
      assertThat(mostInUse.get()).as("most slots in use the view ever showed").isEqualTo(SLOTS);
    }
  }

  /**
   * Each rejection is also a failure of a circuit breaker on the same method (MicroProfile's
   * order): the breaker counts exactly the calls turned away by a full bulkhead, and no other.
   */
  @Test
  void aBreakerOnTheMethodCountsOnlyCallsTurnedAwayByAFullBulkhead() throws Exception {
    FaultTolerance.Builder builder = FaultTolerance.builder("admission/breaker")
        .circuitBreaker(CircuitBreakerPolicy.builder()
            .requestVolumeThreshold(BREAKER_WINDOW) // never full, so never opens: it only counts
            .build());
    try (Rounds rounds = new Rounds(builder)) {
      CircuitBreakerView breaker = rounds.policy.circuitBreaker().orElseThrow();
      rounds.play(() -> {
        assertThat(breaker.failedCalls()).as("breaker failures against rejected calls").isEqualTo(rounds.rejected.get());
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
      });
      assertThat(breaker.failedCalls()).isEqualTo(rounds.view.rejectedCalls()).isPositive();
    }
  }

  /** The rounds of one test, on one bulkhead of {@value #SLOTS} slots and {@value #PLACES} places. */
  private static final class Rounds implements AutoCloseable {
    final FaultTolerance policy;
    final BulkheadView view;
    final ExecutorService sideThread = Executors.newSingleThreadExecutor();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    /** Bodies started and not yet completed, oldest first. */
    private final ConcurrentLinkedQueue<CompletableFuture<String>> running = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger lateRejections = new AtomicInteger();
    private final CyclicBarrier roundStarts = new CyclicBarrier(CALLERS + 1);
    private final CyclicBarrier roundEnds = new CyclicBarrier(CALLERS + 1);
    /** Set by every body that starts; in a round, only the waiting call the round lets in starts. */
    private volatile boolean placeFreed;
    private volatile boolean roundOver;
    volatile boolean over;

    private final Supplier<CompletionStage<String>> body = () -> {
      CompletableFuture<String> stage = new CompletableFuture<>();
      running.add(stage);
      started.incrementAndGet();
      placeFreed = true;
      return stage;
    };

    Rounds(FaultTolerance.Builder builder) {
      // A waiting call starts on the thread that hands it a slot (the test's, or a caller's that
      // finds one free), so it has started before the round ends.
      this.policy = builder.bulkhead(BulkheadPolicy.of(SLOTS, PLACES)).asyncExecutor(Runnable::run).build();
      this.view = policy.bulkhead().orElseThrow();
    }

    /** Plays rounds until the limit of rounds or time, checking {@code afterEachRound} after each. */
    void play(Runnable afterEachRound) throws Exception {
      List<Future<?>> callerTasks = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        callerTasks.add(callers.submit(this::callInRounds));
      }
      fill();
      long deadline = System.nanoTime() + MAX_PLAY_NANOS;
      int round = 0;
      int roundsJudged = 0;
      for (; round < MAX_ROUNDS && rejected.get() < MAX_REJECTIONS && System.nanoTime() - deadline < 0; round++) {
        placeFreed = false;
        roundOver = false;
        lateRejections.set(0);
        roundStarts.await(10, TimeUnit.SECONDS);
        running.poll().complete("done");
        roundEnds.await(10, TimeUnit.SECONDS);

        int waiting = accepted.get() - started.get();
        if (lateRejections.get() > 0) {
          roundsJudged++;
          assertThat(waiting)
              .as("round %d: a call begun after a waiting call had started was rejected, so the queue was full then,"
                  + " and nothing has freed a place since", round)
              .isEqualTo(PLACES);
        }
        assertThat(running).as("round %d: calls running", round).hasSize(SLOTS);
        assertThat(view.inUse()).as("round %d: slots in use", round).isEqualTo(SLOTS);
        assertThat(view.waiting()).as("round %d: waiting calls", round).isEqualTo(waiting);
        afterEachRound.run();
        fill();
      }
      over = true;
      roundStarts.await(10, TimeUnit.SECONDS);
      for (Future<?> task : callerTasks) {
        task.get(10, TimeUnit.SECONDS);
      }
      assertThat(roundsJudged).as("rounds that ended in a rejection after the place was freed, of %d", round)
          .isGreaterThan(round / 2);
    }

    /** Calls until the bulkhead holds {@value #SLOTS} running and {@value #PLACES} waiting calls. */
    private void fill() {
      while (accepted.get() - started.get() < PLACES || running.size() < SLOTS) {
        assertThat(call()).as("a call with a place free (%d running, %d waiting) is accepted",
            running.size(), accepted.get() - started.get()).isTrue();
      }
    }

    private Void callInRounds() throws Exception {
      while (true) {
        roundStarts.await(10, TimeUnit.SECONDS);
        if (over) {
          return null;
        }
        for (int i = 0; i < MAX_CALLS_PER_ROUND && !roundOver; i++) {
          boolean afterPlaceFreed = placeFreed;
          if (!call() && afterPlaceFreed) {
            lateRejections.incrementAndGet();
            roundOver = true;
          }
        }
        roundEnds.await(10, TimeUnit.SECONDS);
      }
    }

    /** One call: whether the bulkhead accepted it (to run now or to wait). */
    private boolean call() {
      CompletableFuture<String> result = policy.callAsync(body);
      if (result.isCompletedExceptionally()) { // a rejection completes the future before callAsync returns
        Throwable failure = result.handle((value, error) -> error).join();
        assertThat(failure).isInstanceOf(BulkheadFullException.class);
        rejected.incrementAndGet();
        return false;
      }
      accepted.incrementAndGet();
      return true;
    }

    @Override
    public void close() throws InterruptedException {
      over = true;
      callers.shutdownNow();
      sideThread.shutdownNow();
      CompletableFuture<String> stage;
      while ((stage = running.poll()) != null) {
        stage.complete("closing");
      }
      assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sideThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
