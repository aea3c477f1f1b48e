package io.github.posa4j.examples.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.DeliveryFailure;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Eight threads publish numbered ticks while four threads keep subscribing and unsubscribing
 * subscribers and listeners of both deliveries. Every subscriber that was there for the whole run
 * receives every tick exactly once and, per publishing thread, in order; every subscriber that came
 * and went received, per publishing thread, an unbroken run of ticks; nothing escapes; once the
 * publisher's close() returns, no delivery is left for any of them.
 */
class PublisherStressTest {
  private static final int PUBLISHERS = 8;
  private static final int TICKS_PER_PUBLISHER = 20_000;
  private static final int CHURNERS = 4;

  /**
   * Checks, per source, that the ticks it receives are consecutive: each is one more than the last
   * (any first tick for a subscriber that joined late). Each source publishes from one thread, and
   * deliveries to one subscriber of one source never overlap, so the per-source slots need no lock.
   */
  static final class SequenceChecker implements Ticks {
    private final long[] first = new long[PUBLISHERS];
    private final long[] next = new long[PUBLISHERS];
    private final long[] received = new long[PUBLISHERS];
    private final AtomicInteger breaks = new AtomicInteger();

    SequenceChecker() {
      java.util.Arrays.fill(first, -1);
    }

    @Override
    public void tick(int source, long sequence) {
      if (first[source] < 0) {
        first[source] = sequence;
      } else if (sequence != next[source]) {
        breaks.incrementAndGet();
      }
      next[source] = sequence + 1;
      received[source]++;
    }

    @Override
    public void reset(String reason) {}

    long total() {
      long total = 0;
      for (long count : received) {
        total += count;
      }
      return total;
    }
  }

  @Test
  void everySteadySubscriberReceivesEveryTickOnceAndInOrderWhileOthersComeAndGo() throws Exception {
    ExecutorService deliveryThreads = Executors.newFixedThreadPool(4);
    List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    List<Throwable> escaped = new CopyOnWriteArrayList<>();
    TicksPublisher ticks = TicksPublisher.create(PublisherOptions.builder()
        .errorHandler(failures::add)
        .executor(deliveryThreads)
        .build());

    SequenceChecker syncSubscriber = new SequenceChecker();
    SequenceChecker syncListener = new SequenceChecker();
    SequenceChecker asyncSubscriber = new SequenceChecker();
    SequenceChecker asyncListener = new SequenceChecker();
    ticks.subscribe(syncSubscriber);
    ticks.onTick(syncListener::tick);
    ticks.subscribe(asyncSubscriber, Delivery.async());
    ticks.onTick(asyncListener::tick, Delivery.async(deliveryThreads, 64, io.github.posa4j.pubsub.QueueOverflow.BLOCK));
    List<SequenceChecker> steady = List.of(syncSubscriber, syncListener, asyncSubscriber, asyncListener);

    CyclicBarrier start = new CyclicBarrier(PUBLISHERS + CHURNERS);
    AtomicBoolean publishing = new AtomicBoolean(true);
    List<SequenceChecker> churned = new CopyOnWriteArrayList<>();
    Queue<Subscription> churnedSubscriptions = new ConcurrentLinkedQueue<>();
    AtomicLong churnSubscriptions = new AtomicLong();
    List<Thread> publishers = new ArrayList<>();
    for (int p = 0; p < PUBLISHERS; p++) {
      int source = p;
      publishers.add(thread("publisher-" + p, escaped, () -> {
        start.await();
        for (long sequence = 0; sequence < TICKS_PER_PUBLISHER; sequence++) {
          ticks.tick(source, sequence);
        }
      }));
    }
    List<Thread> churners = new ArrayList<>();
    for (int c = 0; c < CHURNERS; c++) {
      churners.add(thread("churner-" + c, escaped, () -> {
        start.await();
        while (publishing.get()) {
          SequenceChecker checker = new SequenceChecker();
          churned.add(checker);
          Subscription subscription;
          switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0:
              subscription = ticks.subscribe(checker);
              break;
            case 1:
              subscription = ticks.subscribe(checker, Delivery.async());
              break;
            case 2:
              subscription = ticks.onTick(checker::tick);
              break;
            default:
              subscription = ticks.onTick(checker::tick, Delivery.async());
              break;
          }
          churnSubscriptions.incrementAndGet();
          churnedSubscriptions.add(subscription);
          Thread.yield();
          subscription.close();
        }
      }));
    }
    publishers.forEach(Thread::start);
    churners.forEach(Thread::start);
    for (Thread publisher : publishers) {
      publisher.join();
    }
    publishing.set(false);
    for (Thread churner : churners) {
      churner.join();
    }
    ticks.close(); // waits for the asynchronous queues, also of subscriptions closed before
    assertThat(deliveryThreads.shutdownNow()).as("deliveries still pending after close()").isEmpty();
    assertThat(deliveryThreads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(escaped).isEmpty();
    assertThat(failures).isEmpty();
    for (SequenceChecker checker : steady) {
      assertThat(checker.breaks).hasValue(0);
      assertThat(checker.received).containsOnly(TICKS_PER_PUBLISHER);
      assertThat(checker.first).containsOnly(0L);
      assertThat(checker.next).containsOnly(TICKS_PER_PUBLISHER);
    }
    assertThat(churnSubscriptions.get()).isEqualTo(churned.size()).isPositive();
    assertThat(churned).allSatisfy(checker -> assertThat(checker.breaks).hasValue(0));
    assertThat(churnedSubscriptions).allSatisfy(subscription -> assertThat(subscription.pendingEvents()).isZero());
    assertThat(churned.stream().mapToLong(SequenceChecker::total).sum())
        .as("ticks that reached subscribers that came and went while publishing")
        .isPositive();
  }

  private interface Body {
    void run() throws Exception;
  }

  private static Thread thread(String name, List<Throwable> escaped, Body body) {
    return new Thread(() -> {
      try {
        body.run();
      } catch (Throwable e) {
        escaped.add(e);
      }
    }, name);
  }
}
