package io.github.posa4j.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.pubsub.internal.EventDispatcher;
import io.github.posa4j.pubsub.internal.Registration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The publisher's {@code close()} waits for events still queued for an asynchronous subscription
 * closed before it, also for one queued after the subscription closed by a dispatch that had read
 * its target before: close() returns only once nothing is left to deliver.
 */
class ClosedSubscriptionDrainTest {
  private final List<Runnable> heldTurns = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> received = Collections.synchronizedList(new ArrayList<>());
  private final EventDispatcher<Sink> dispatcher = new EventDispatcher<>("Sinks", PublisherOptions.defaults(), value -> {});

  private Registration<Sink> subscribeHeld(Sink subscriber) {
    return (Registration<Sink>) dispatcher.subscribe(subscriber, subscriber, Delivery.async(heldTurns::add),
        queue -> value -> queue.offer(new Sink.Put(value)));
  }

  @Test
  void closeWaitsForAnEventQueuedForAClosedSubscriptionByADispatchThatReadItsTargetBeforeItClosed()
      throws InterruptedException {
    Registration<Sink> late = subscribeHeld(received::add);
    Sink readBeforeClose = late.target(); // a dispatch read the target, then its thread was held up
    late.close(); // with an empty queue, which the publisher's close() need not wait for
    readBeforeClose.put(1); // the held-up dispatch goes on, as Subscription.close() allows
    assertThat(late.pendingEvents()).isEqualTo(1);

    Thread closer = new Thread(dispatcher::close, "closer");
    closer.start();
    awaitWaitingOrTerminated(closer);
    assertThat(closer.isAlive()).as("close() waits for the queued event").isTrue();

    heldTurns.get(0).run();
    closer.join(10_000);
    assertThat(closer.isAlive()).isFalse();
    assertThat(received).containsExactly(1);
    assertThat(late.pendingEvents()).isZero();
  }

  private static void awaitWaitingOrTerminated(Thread thread) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
      assertThat(System.nanoTime()).as("until " + thread.getName() + " waits or ends").isLessThan(deadline);
      Thread.yield();
    }
  }
}
