package io.github.posa4j.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link QueueOverflow#DROP_OLDEST} queue whose subscriber cannot run (its executor holds the
 * turn without running it) keeps at most about twice its capacity in memory, and delivers the
 * newest events once it runs.
 */
class DropOldestBoundTest {

  /** The event contract of this test, as a generated publisher would see it. */
  interface Sink {
    void put(int value);
  }

  /** What a generated publisher would declare for {@code put}. */
  static final class Put extends QueuedEvent<Sink> {
    private final int value;

    Put(int value) {
      this.value = value;
    }

    @Override
    protected void deliverTo(Sink subscriber) {
      subscriber.put(value);
    }

    @Override
    protected String event() {
      return "put";
    }

    @Override
    protected Object[] arguments() {
      return new Object[] {value};
    }
  }

  @Test
  void aStalledSubscriberHoldsAtMostAboutTwiceItsCapacityAndGetsTheNewestEvents() {
    List<Runnable> heldTurns = new ArrayList<>();
    List<Integer> received = new ArrayList<>();
    List<DeliveryFailure> failures = new ArrayList<>();
    EventDispatcher<Sink> dispatcher = new EventDispatcher<>("Sinks",
        PublisherOptions.builder().errorHandler(failures::add).build(), value -> {});
    Sink subscriber = received::add;
    Registration<Sink> registration = (Registration<Sink>) dispatcher.subscribe(subscriber, subscriber,
        Delivery.async(heldTurns::add, 8, QueueOverflow.DROP_OLDEST), queue -> value -> queue.offer(new Put(value)));

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
}
