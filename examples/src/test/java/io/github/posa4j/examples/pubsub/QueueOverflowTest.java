package io.github.posa4j.examples.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.DeliveryFailure;
import io.github.posa4j.pubsub.EventQueueFullException;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.QueueOverflow;
import io.github.posa4j.pubsub.Subscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each overflow policy on a queue of two events whose subscriber is held at a gate by its first
 * event: events 2 and 3 fill the queue, 4 and 5 overflow.
 */
class QueueOverflowTest {
  private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final TicksPublisher ticks = TicksPublisher.create(PublisherOptions.builder()
      .name("ticks")
      .errorHandler(failures::add)
      .build());
  private final Recorder slow = Recorder.gated();
  private final Recorder fast = Recorder.open();

  @AfterEach
  void shutDown() throws InterruptedException {
    slow.openGate();
    ticks.close();
    executor.shutdown();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private Subscription fillQueueOfTwo(QueueOverflow overflow) throws InterruptedException {
    Subscription subscription = ticks.subscribe(slow, Delivery.async(executor, 2, overflow));
    ticks.subscribe(fast);
    ticks.tick(0, 1);
    slow.awaitFirstDelivery();
    ticks.tick(0, 2);
    ticks.tick(0, 3);
    assertThat(subscription.pendingEvents()).isEqualTo(2);
    return subscription;
  }

  private void drain() {
    slow.openGate();
    ticks.close();
  }

  @Test
  void dropNewestDiscardsTheNewEventsForTheFullSubscriberOnly() throws InterruptedException {
    Subscription subscription = fillQueueOfTwo(QueueOverflow.DROP_NEWEST);

    ticks.tick(0, 4);
    ticks.tick(0, 5);
    drain();

    assertThat(slow.received()).containsExactly("tick 0/1", "tick 0/2", "tick 0/3");
    assertThat(fast.received()).hasSize(5);
    assertThat(subscription.droppedEvents()).isEqualTo(2);
    assertThat(failures).isEmpty();
  }

  @Test
  void dropOldestDiscardsTheOldestWaitingEvents() throws InterruptedException {
    Subscription subscription = fillQueueOfTwo(QueueOverflow.DROP_OLDEST);

    ticks.tick(0, 4);
    ticks.tick(0, 5);
    drain();

    assertThat(slow.received()).containsExactly("tick 0/1", "tick 0/4", "tick 0/5");
    assertThat(fast.received()).hasSize(5);
    assertThat(subscription.droppedEvents()).isEqualTo(2);
    assertThat(failures).isEmpty();
  }

  @Test
  void dropOldestDiscardsTheOldestWaitingEventsAlsoWhenTheyWereTakenWithTheEventBeingDelivered() throws Exception {
    CountDownLatch threadFree = new CountDownLatch(1);
    executor.execute(() -> {
      try {
        threadFree.await(); // holds the only thread, so that events 1 and 2 are taken in one batch
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Subscription subscription = ticks.subscribe(slow, Delivery.async(executor, 2, QueueOverflow.DROP_OLDEST));
    ticks.tick(0, 1);
    ticks.tick(0, 2);
    threadFree.countDown();
    slow.awaitFirstDelivery(); // 1 is being delivered; 2 waits, taken from the queue along with it
    ticks.tick(0, 3);
    assertThat(subscription.pendingEvents()).isEqualTo(2);

    ticks.tick(0, 4);
    ticks.tick(0, 5);
    drain();

    assertThat(slow.received()).containsExactly("tick 0/1", "tick 0/4", "tick 0/5");
    assertThat(subscription.droppedEvents()).isEqualTo(2);
    assertThat(failures).isEmpty();
  }

  @Test
  void failReportsEachRefusedEventWithItsArgumentsAndThePublisherGoesOn() throws InterruptedException {
    Subscription subscription = fillQueueOfTwo(QueueOverflow.FAIL);

    ticks.tick(0, 4);
    ticks.reset("full");
    drain();

    assertThat(slow.received()).containsExactly("tick 0/1", "tick 0/2", "tick 0/3");
    assertThat(fast.received()).containsExactly("tick 0/1", "tick 0/2", "tick 0/3", "tick 0/4", "reset full");
    assertThat(subscription.droppedEvents()).isEqualTo(2);
    assertThat(failures).extracting(DeliveryFailure::event).containsExactly("tick", "reset");
    assertThat(failures.get(0).arguments()).containsExactly(0, 4L);
    assertThat(failures.get(1).arguments()).containsExactly("full");
    assertThat(failures).allSatisfy(failure -> {
      assertThat(failure.subscriber()).isSameAs(slow);
      assertThat(failure.error())
          .isInstanceOf(EventQueueFullException.class)
          .hasMessageStartingWith("the queue of 2 events of subscriber " + slow + " is full; event ")
          .hasMessageContaining("(QueueOverflow.FAIL; give the subscriber a larger queue");
    });
  }

  @Test
  void blockMakesThePublisherWaitForRoomAndLosesNothing() throws Exception {
    Subscription subscription = fillQueueOfTwo(QueueOverflow.BLOCK);

    CompletableFuture<Void> published = new CompletableFuture<>();
    Thread publisher = new Thread(() -> {
      ticks.tick(0, 4);
      ticks.tick(0, 5);
      published.complete(null);
    }, "publisher");
    publisher.start();
    Conditions.awaitWaiting(publisher);
    assertThat(published).isNotDone();
    assertThat(fast.received()).hasSize(3); // the blocked event has not reached later subscribers yet

    slow.openGate();
    published.get(10, TimeUnit.SECONDS);
    drain();

    assertThat(slow.received()).containsExactly("tick 0/1", "tick 0/2", "tick 0/3", "tick 0/4", "tick 0/5");
    assertThat(subscription.droppedEvents()).isZero();
    assertThat(failures).isEmpty();
  }

  @Test
  void anInterruptedBlockedPublisherGivesUpThatEventReportsItAndStaysInterrupted() throws Exception {
    Subscription subscription = fillQueueOfTwo(QueueOverflow.BLOCK);

    CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
    Thread publisher = new Thread(() -> {
      ticks.tick(0, 4);
      interruptedAfterwards.complete(Thread.currentThread().isInterrupted());
    }, "publisher");
    publisher.start();
    Conditions.awaitWaiting(publisher);
    publisher.interrupt();

    assertThat(interruptedAfterwards.get(10, TimeUnit.SECONDS)).isTrue();
    drain();
    assertThat(slow.received()).containsExactly("tick 0/1", "tick 0/2", "tick 0/3");
    assertThat(fast.received()).hasSize(4);
    assertThat(subscription.droppedEvents()).isEqualTo(1);
    assertThat(failures).singleElement().satisfies(failure -> assertThat(failure.error())
        .isInstanceOf(EventQueueFullException.class)
        .hasMessageContaining("is full and the publishing thread was interrupted while waiting"));
  }

  @Test
  void aSubscriberThatPublishesToItsOwnFullQueueUnderBlockIsLetThroughInsteadOfWaitingForItself() throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    List<String> received = new CopyOnWriteArrayList<>();
    ticks.subscribe(new Ticks() {
      @Override
      public void tick(int source, long sequence) {
        received.add("tick " + sequence);
        if (sequence == 1) {
          for (long next = 2; next <= 5; next++) { // a queue of 1: a wait from this thread would never end
            ticks.tick(source, next);
          }
        }
        if (sequence == 5) {
          done.complete(null);
        }
      }

      @Override
      public void reset(String reason) {}
    }, Delivery.async(executor, 1, QueueOverflow.BLOCK));

    ticks.tick(0, 1);

    done.get(10, TimeUnit.SECONDS);
    assertThat(received).containsExactly("tick 1", "tick 2", "tick 3", "tick 4", "tick 5");
  }
}
