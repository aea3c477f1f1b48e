package io.github.posa4j.examples.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.DeliveryFailure;
import io.github.posa4j.pubsub.EventQueueFullException;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.QueueOverflow;
import io.github.posa4j.pubsub.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Four threads publish into small queues under each overflow policy: every event is accounted
 * for exactly once (received, dropped or refused), per-source order holds, and what the policy
 * promises about which events survive holds.
 */
class QueueOverflowStressTest {
  private static final int SOURCES = 4;
  private static final int TICKS_PER_SOURCE = 20_000;

  /** Receives ticks one at a time (serial delivery) and keeps, per source, their order and count. */
  static final class Tally implements Ticks {
    final long[] received = new long[SOURCES];
    final long[] last = {-1, -1, -1, -1};
    int outOfOrder;

    @Override
    public void tick(int source, long sequence) {
      if (sequence <= last[source]) {
        outOfOrder++;
      }
      last[source] = sequence;
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

  @ParameterizedTest
  @EnumSource(QueueOverflow.class)
  void everyEventIsReceivedDroppedOrRefusedExactlyOnceAndInOrder(QueueOverflow overflow) throws Exception {
    ExecutorService deliveryThreads = Executors.newFixedThreadPool(2);
    List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    TicksPublisher ticks = TicksPublisher.create(PublisherOptions.builder().errorHandler(failures::add).build());
    Tally tally = new Tally();
    Subscription subscription = ticks.subscribe(tally, Delivery.async(deliveryThreads, 4, overflow));

    CyclicBarrier start = new CyclicBarrier(SOURCES);
    List<Thread> publishers = new ArrayList<>();
    List<Throwable> escaped = new CopyOnWriteArrayList<>();
    for (int s = 0; s < SOURCES; s++) {
      int source = s;
      Thread publisher = new Thread(() -> {
        try {
          start.await();
          for (long sequence = 0; sequence < TICKS_PER_SOURCE; sequence++) {
            ticks.tick(source, sequence);
          }
        } catch (Throwable e) {
          escaped.add(e);
        }
      }, "publisher-" + s);
      publishers.add(publisher);
      publisher.start();
    }
    for (Thread publisher : publishers) {
      publisher.join();
    }
    ticks.close();
    deliveryThreads.shutdown();
    assertThat(deliveryThreads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    long published = (long) SOURCES * TICKS_PER_SOURCE;
    assertThat(escaped).isEmpty();
    assertThat(tally.outOfOrder).isZero();
    assertThat(tally.total() + subscription.droppedEvents()).isEqualTo(published);
    assertThat(subscription.pendingEvents()).isZero();
    switch (overflow) {
      case BLOCK:
        assertThat(tally.received).containsOnly(TICKS_PER_SOURCE);
        assertThat(failures).isEmpty();
        break;
      case FAIL:
        assertThat(failures).hasSize((int) subscription.droppedEvents());
        assertThat(failures).allSatisfy(failure -> assertThat(failure.error()).isInstanceOf(EventQueueFullException.class));
        break;
      default:
        assertThat(failures).isEmpty();
        break;
    }
  }

  @Test
  void underDropOldestTheLastEventIsAlwaysDelivered() throws Exception {
    ExecutorService deliveryThread = Executors.newSingleThreadExecutor();
    TicksPublisher ticks = TicksPublisher.create();
    Tally tally = new Tally();
    Subscription subscription = ticks.subscribe(tally, Delivery.async(deliveryThread, 1, QueueOverflow.DROP_OLDEST));

    for (long sequence = 0; sequence < 200_000; sequence++) {
      ticks.tick(0, sequence);
    }
    ticks.close();
    deliveryThread.shutdown();
    assertThat(deliveryThread.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(tally.last[0]).isEqualTo(199_999);
    assertThat(tally.outOfOrder).isZero();
    assertThat(tally.received[0] + subscription.droppedEvents()).isEqualTo(200_000);
  }
}
