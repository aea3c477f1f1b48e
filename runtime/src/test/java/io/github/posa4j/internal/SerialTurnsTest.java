package io.github.posa4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The turn runner's edge cases, one by one, and serial turns under concurrent requests, counted exactly. */
class SerialTurnsTest {

  /** Runs queued items, {@code budget} per turn, on {@code executor}, and counts what the runner tells it. */
  private static class Items implements SerialTurns.Work {
    final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    final Executor executor;
    final int budget;
    final Runnable turnTask = () -> SerialTurns.runTurns(this);
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicInteger turns = new AtomicInteger();
    final AtomicInteger claims = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    final List<Throwable> refusals = new ArrayList<>();
    final List<Thread> refusedOn = new ArrayList<>();

    Items(Executor executor, int budget) {
      this.executor = executor;
      this.budget = budget;
    }

    void request() {
      SerialTurns.request(this);
    }

    @Override
    public Executor executor() {
      return executor;
    }

    @Override
    public Runnable turnTask() {
      return turnTask;
    }

    @Override
    public boolean turnScheduled() {
      return scheduled.get();
    }

    @Override
    public boolean scheduleTurn() {
      return scheduled.compareAndSet(false, true);
    }

    @Override
    public void unscheduleTurn() {
      scheduled.set(false);
    }

    @Override
    public SerialTurns.Outcome runTurn() {
      turns.incrementAndGet();
      for (int i = 0; i < budget; i++) {
        Runnable item = queue.poll();
        if (item == null) {
          return SerialTurns.Outcome.IDLE;
        }
        item.run();
      }
      return SerialTurns.Outcome.MORE;
    }

    @Override
    public boolean hasWork() {
      return !queue.isEmpty();
    }

    @Override
    public void refused(Throwable failure) {
      refusals.add(failure);
      refusedOn.add(Thread.currentThread());
      queue.clear();
    }

    @Override
    public void claimed() {
      claims.incrementAndGet();
    }

    @Override
    public void released() {
      releases.incrementAndGet();
    }
  }

  @Test
  void anExecutorThatRefusesTheFirstTurnLeavesTheWorkToRefusedOnTheAskingThread() {
    RejectedExecutionException refusal = new RejectedExecutionException("shut down");
    Items items = new Items(task -> {
      throw refusal;
    }, 10);
    items.queue.add(() -> {});

    items.request();

    assertThat(items.refusals).containsExactly(refusal);
    assertThat(items.refusedOn).containsExactly(Thread.currentThread());
    assertThat(items.turns).hasValue(0);
    assertThat(items.releases).hasValue(1);
    assertThat(items.turnScheduled()).isFalse();
  }

  @Test
  void anErrorFromTheExecutorIsARefusalToo() {
    OutOfMemoryError noThreads = new OutOfMemoryError("unable to create native thread");
    Items items = new Items(task -> {
      throw noThreads;
    }, 10);

    items.request();

    assertThat(items.refusals).containsExactly(noThreads);
    assertThat(items.turnScheduled()).isFalse();
  }

  @Test
  void aCallerRunsExecutorRunsEveryTurnInOneLoopWithoutGrowingTheStack() {
    Items items = new Items(Runnable::run, 1);
    List<Integer> depths = new ArrayList<>();
    int count = 100_000;
    for (int i = 0; i < count; i++) {
      int n = i;
      items.queue.add(() -> {
        if (n % 10_000 == 0) {
          depths.add(Thread.currentThread().getStackTrace().length);
        }
      });
    }

    items.request();

    assertThat(items.queue).isEmpty();
    assertThat(items.turns).hasValue(count + 1); // one item per turn, then one that finds none
    assertThat(depths).hasSize(10).allMatch(depth -> depth.equals(depths.get(0)));
    assertThat(items.turnScheduled()).isFalse();
  }

  @Test
  void anExecutorThatRefusesTheHandOverLeavesTheNextTurnToTheHandingThread() {
    List<Runnable> accepted = new ArrayList<>();
    Executor firstOnly = task -> {
      if (!accepted.isEmpty()) {
        throw new RejectedExecutionException("saturated");
      }
      accepted.add(task);
    };
    Items items = new Items(firstOnly, 2);
    List<Thread> ranOn = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      items.queue.add(() -> ranOn.add(Thread.currentThread()));
    }

    items.request();
    assertThat(accepted).hasSize(1);
    assertThat(ranOn).isEmpty();
    accepted.get(0).run();

    assertThat(ranOn).hasSize(7).containsOnly(Thread.currentThread());
    assertThat(items.refusals).isEmpty();
    assertThat(items.turns).hasValue(4);
    assertThat(items.turnScheduled()).isFalse();
  }

  @Test
  void workThatArrivesWhileTheTurnsLetGoIsTakenBackAndHandedOver() {
    List<Runnable> submitted = new ArrayList<>();
    AtomicInteger ran = new AtomicInteger();
    Items items = new Items(submitted::add, 10) {
      @Override
      public SerialTurns.Outcome runTurn() {
        SerialTurns.Outcome outcome = super.runTurn();
        if (turns.get() == 1) {
          // arrives after the turn found nothing, before the turns let go: its request finds a turn scheduled
          queue.add(ran::incrementAndGet);
          request();
        }
        return outcome;
      }
    };

    items.request();
    assertThat(submitted).hasSize(1);
    submitted.get(0).run();

    assertThat(submitted).as("taken back, and handed to the executor").hasSize(2);
    assertThat(ran).hasValue(0);
    assertThat(items.turnScheduled()).isTrue();
    submitted.get(1).run();

    assertThat(ran).hasValue(1);
    assertThat(items.claims).hasValue(2);
    assertThat(items.releases).hasValue(1);
    assertThat(items.turnScheduled()).isFalse();
  }

  @Test
  void aFinishedWorkKeepsTheTurnAndNoTurnStartsAgain() {
    List<Runnable> submitted = new ArrayList<>();
    Items finished = new Items(submitted::add, 1) {
      @Override
      public SerialTurns.Outcome runTurn() {
        super.runTurn();
        return SerialTurns.Outcome.FINISHED;
      }
    };
    finished.request();
    submitted.get(0).run();
    finished.queue.add(() -> {});

    finished.request();

    assertThat(submitted).hasSize(1);
    assertThat(finished.releases).hasValue(0);
    assertThat(finished.turnScheduled()).isTrue();
  }

  @Test
  void turnsNeverOverlapAndEveryItemRunsOnceInOrderUnderConcurrentRequests() throws Exception {
    int producers = 4;
    int perProducer = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    int[] lastSeen = new int[producers]; // written by turns only, each happening-before the next
    AtomicInteger outOfOrder = new AtomicInteger();
    CountDownLatch allRan = new CountDownLatch(producers * perProducer);
    Items items = new Items(pool, 16) {
      @Override
      public SerialTurns.Outcome runTurn() {
        if (running.incrementAndGet() != 1) {
          overlaps.incrementAndGet();
        }
        try {
          return super.runTurn();
        } finally {
          running.decrementAndGet();
        }
      }
    };
    CyclicBarrier start = new CyclicBarrier(producers);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        for (int i = 1; i <= perProducer; i++) {
          int sequence = i;
          items.queue.add(() -> {
            if (lastSeen[producer] != sequence - 1) {
              outOfOrder.incrementAndGet();
            }
            lastSeen[producer] = sequence;
            allRan.countDown();
          });
          items.request();
        }
      });
      threads.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(60));
      }
      assertThat(allRan.await(60, TimeUnit.SECONDS)).as("every item ran").isTrue();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(overlaps).hasValue(0);
    assertThat(outOfOrder).hasValue(0);
    assertThat(lastSeen).containsOnly(perProducer);
    assertThat(items.queue).isEmpty();
    assertThat(items.turnScheduled()).isFalse();
  }
}
