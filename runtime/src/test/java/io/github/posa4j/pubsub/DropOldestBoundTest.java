package io.github.posa4j.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.pubsub.internal.EventDispatcher;
import io.github.posa4j.pubsub.internal.Registration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@link QueueOverflow#DROP_OLDEST} queue whose subscriber cannot go on (its executor holds the
 * turn without running it, or it is stuck in a delivery) keeps at most about twice its capacity in
 * its incoming stack, and delivers the newest events once it goes on.
 */
class DropOldestBoundTest {

  @Test
  void aStalledSubscriberHoldsAtMostAboutTwiceItsCapacityAndGetsTheNewestEvents() {
    List<Runnable> heldTurns = new ArrayList<>();
    List<Integer> received = new ArrayList<>();
    List<DeliveryFailure> failures = new ArrayList<>();
    EventDispatcher<Sink> dispatcher = new EventDispatcher<>("Sinks",
        PublisherOptions.builder().errorHandler(failures::add).build(), value -> {});
    Sink subscriber = received::add;
    Registration<Sink> registration = (Registration<Sink>) dispatcher.subscribe(subscriber, subscriber,
        Delivery.async(heldTurns::add, 8, QueueOverflow.DROP_OLDEST), queue -> value -> queue.offer(new Sink.Put(value)));

    int maxRetained = 0;
    for (int value = 0; value < 100_000; value++) {
      registration.target().put(value);
      maxRetained = Math.max(maxRetained, registration.queue().retainedEvents());
    }

    assertThat(maxRetained).isLessThanOrEqualTo(2 * 8);
    assertThat(registration.pendingEvents()).isEqualTo(8);
    assertThat(heldTurns).hasSize(1);
    heldTurns.get(0).run();
    assertThat(received).containsExactly(99_992, 99_993, 99_994, 99_995, 99_996, 99_997, 99_998, 99_999);
    assertThat(registration.droppedEvents()).isEqualTo(100_000 - 8);
    assertThat(registration.pendingEvents()).isZero();
    assertThat(failures).isEmpty();
  }

  @Test
  void aSubscriberStuckWhileTheRestOfItsBatchWaitsStillLosesTheOldestWaitingEventsAndStaysBounded() throws Exception {
    List<Runnable> heldTurns = new ArrayList<>();
    List<Integer> received = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    EventDispatcher<Sink> dispatcher = new EventDispatcher<>("Sinks", PublisherOptions.defaults(), value -> {});
    Sink subscriber = value -> {
      received.add(value);
      if (value == 0) {
        stuck.countDown();
        await(release);
      }
    };
    Registration<Sink> registration = (Registration<Sink>) dispatcher.subscribe(subscriber, subscriber,
        Delivery.async(heldTurns::add, 8, QueueOverflow.DROP_OLDEST), queue -> value -> queue.offer(new Sink.Put(value)));
    for (int value = 0; value < 8; value++) {
      registration.target().put(value);
    }
    Thread delivering = new Thread(heldTurns.get(0), "delivering");
    delivering.start(); // takes events 0-7 in one batch and is stuck delivering 0; 1-7 wait in its batch
    await(stuck);

    int maxRetained = 0;
    for (int value = 8; value <= 100_000; value++) {
      registration.target().put(value);
      maxRetained = Math.max(maxRetained, registration.queue().retainedEvents());
    }
    assertThat(registration.pendingEvents()).isEqualTo(8);
    release.countDown();
    delivering.join(10_000);

    assertThat(delivering.isAlive()).isFalse();
    assertThat(received).containsExactly(0, 99_993, 99_994, 99_995, 99_996, 99_997, 99_998, 99_999, 100_000);
    assertThat(maxRetained).isLessThanOrEqualTo(2 * 8);
    assertThat(registration.droppedEvents()).isEqualTo(100_001 - 9);
    assertThat(registration.pendingEvents()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
