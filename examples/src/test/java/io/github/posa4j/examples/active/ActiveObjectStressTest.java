package io.github.posa4j.examples.active;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.active.ActiveObjectOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The generated active objects under load from many threads, with exact counts: every future
 * completes, no request is lost or run twice, the servant never runs two at once, and the final
 * state is the sum of the calls.
 */
class ActiveObjectStressTest {
  private static final int PRODUCERS = 8;
  private static final int CALLS_PER_PRODUCER = 200_000;

  /** What producer {@code p} adds in its call {@code i}; varied, so that a lost call shows. */
  private static long amount(int p, int i) {
    return (p * 31L + i) % 1_000 + 1;
  }

  @Test
  void eightProducersOnOneActiveObject() throws Exception {
    Tally tally = new Tally();
    TallyActiveObject active = TallyActiveObject.start(tally);
    LongAdder completions = new LongAdder();
    List<List<CompletableFuture<Void>>> futures = runProducers(p -> i -> active.add(amount(p, i)), completions);

    long expectedTotal = 0;
    for (int p = 0; p < PRODUCERS; p++) {
      for (int i = 0; i < CALLS_PER_PRODUCER; i++) {
        expectedTotal += amount(p, i);
      }
    }
    assertThat(active.total().join()).isEqualTo(expectedTotal);
    assertThat(active.calls().join()).isEqualTo((long) PRODUCERS * CALLS_PER_PRODUCER);
    assertThat(active.mostRunningAtOnce().join()).isEqualTo(1);
    active.close();
    assertAllCompletedNormallyOnce(futures, completions);
  }

  @Test
  void eightProducersOnTenThousandActiveObjectsSharingAnExecutor() throws Exception {
    int activeObjects = 10_000;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      ActiveObjectOptions shared = ActiveObjectOptions.builder().sharedExecutor(pool).build();
      TallyActiveObject[] tallies = new TallyActiveObject[activeObjects];
      for (int a = 0; a < activeObjects; a++) {
        tallies[a] = TallyActiveObject.start(new Tally(), shared);
      }
      LongAdder completions = new LongAdder();
      List<List<CompletableFuture<Void>>> futures =
          runProducers(p -> i -> tallies[target(p, i, activeObjects)].add(amount(p, i)), completions);

      long[] expectedTotals = new long[activeObjects];
      long[] expectedCalls = new long[activeObjects];
      for (int p = 0; p < PRODUCERS; p++) {
        for (int i = 0; i < CALLS_PER_PRODUCER; i++) {
          expectedTotals[target(p, i, activeObjects)] += amount(p, i);
          expectedCalls[target(p, i, activeObjects)]++;
        }
      }
      long[] totals = new long[activeObjects];
      long[] calls = new long[activeObjects];
      int mostRunningAtOnce = 0;
      for (int a = 0; a < activeObjects; a++) {
        totals[a] = tallies[a].total().join();
        calls[a] = tallies[a].calls().join();
        mostRunningAtOnce = Math.max(mostRunningAtOnce, tallies[a].mostRunningAtOnce().join());
        tallies[a].close();
      }
      assertThat(totals).isEqualTo(expectedTotals);
      assertThat(calls).isEqualTo(expectedCalls);
      assertThat(Arrays.stream(calls).sum()).isEqualTo((long) PRODUCERS * CALLS_PER_PRODUCER);
      assertThat(mostRunningAtOnce).isEqualTo(1);
      assertAllCompletedNormallyOnce(futures, completions);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aBufferOfOneMovesOneHundredThousandItemsBetweenFourProducersAndFourConsumers() throws Exception {
    int perThread = 25_000;
    BoundedBufferActiveObject<Integer> buffer = BoundedBufferActiveObject.start(new BoundedBuffer<>(1));
    List<List<CompletableFuture<Void>>> puts = new ArrayList<>();
    List<List<CompletableFuture<Integer>>> takes = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t * perThread;
      List<CompletableFuture<Void>> myPuts = new ArrayList<>(perThread);
      List<CompletableFuture<Integer>> myTakes = new ArrayList<>(perThread);
      puts.add(myPuts);
      takes.add(myTakes);
      threads.add(new Thread(() -> {
        for (int item = first; item < first + perThread; item++) {
          myPuts.add(buffer.put(item));
        }
      }, "producer-" + t));
      threads.add(new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          myTakes.add(buffer.take());
        }
      }, "consumer-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    int[] timesTaken = new int[4 * perThread];
    for (List<CompletableFuture<Integer>> ofOneConsumer : takes) {
      for (CompletableFuture<Integer> take : ofOneConsumer) {
        timesTaken[take.get(30, TimeUnit.SECONDS)]++;
      }
    }
    for (List<CompletableFuture<Void>> ofOneProducer : puts) {
      for (CompletableFuture<Void> put : ofOneProducer) {
        assertThat(put.get(30, TimeUnit.SECONDS)).isNull();
      }
    }
    assertThat(Arrays.stream(timesTaken).filter(times -> times != 1).count())
        .as("items taken other than exactly once").isZero();
    assertThat(buffer.size().join()).isZero();
    buffer.close();
  }

  private static int target(int p, int i, int activeObjects) {
    return (int) ((p * 7_919L + i) % activeObjects);
  }

  /** Runs the producers, each making its calls through {@code call}, and waits for them. */
  private static List<List<CompletableFuture<Void>>> runProducers(
      IntFunction<IntFunction<CompletableFuture<Void>>> call, LongAdder completions) throws InterruptedException {
    List<List<CompletableFuture<Void>>> futures = new ArrayList<>();
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      IntFunction<CompletableFuture<Void>> mine = call.apply(p);
      List<CompletableFuture<Void>> made = new ArrayList<>(CALLS_PER_PRODUCER);
      futures.add(made);
      producers.add(new Thread(() -> {
        for (int i = 0; i < CALLS_PER_PRODUCER; i++) {
          CompletableFuture<Void> future = mine.apply(i);
          future.whenComplete((nothing, failure) -> completions.increment());
          made.add(future);
        }
      }, "producer-" + p));
    }
    producers.forEach(Thread::start);
    for (Thread producer : producers) {
      producer.join();
    }
    return futures;
  }

  private static void assertAllCompletedNormallyOnce(List<List<CompletableFuture<Void>>> futures, LongAdder completions) {
    long completedNormally = futures.stream().flatMap(List::stream)
        .filter(future -> future.isDone() && !future.isCompletedExceptionally())
        .count();
    assertThat(completedNormally).isEqualTo((long) PRODUCERS * CALLS_PER_PRODUCER);
    assertThat(completions.sum()).as("completion callbacks run").isEqualTo((long) PRODUCERS * CALLS_PER_PRODUCER);
  }
}
