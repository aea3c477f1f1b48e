package io.github.posa4j.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.pubsub.internal.EventDispatcher;
import io.github.posa4j.pubsub.internal.Registration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The publisher's {@code close()} interrupted while it waits for an asynchronous subscriber that is
 * stuck in a delivery: it stops waiting, returns with the interrupt flag kept, and the publisher is
 * closed all the same.
 */
class PublisherCloseTest {

  @Test
  void interruptedWhileWaitingCloseReturnsAndKeepsTheInterrupt() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch unblock = new CountDownLatch(1);
    List<Integer> received = new CopyOnWriteArrayList<>();
    EventDispatcher<Sink> dispatcher = new EventDispatcher<>("Sinks", PublisherOptions.defaults(), value -> {});
    Sink stuck = value -> {
      delivering.countDown();
      try {
        unblock.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      received.add(value);
    };
    Registration<Sink> registration = (Registration<Sink>) dispatcher.subscribe(stuck, stuck, Delivery.async(executor),
        queue -> value -> queue.offer(new Sink.Put(value)));
    try {
      registration.target().put(1);
      assertThat(delivering.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Boolean> interruptedAfterClose = new CompletableFuture<>();
      Thread closer = new Thread(() -> {
        dispatcher.close();
        interruptedAfterClose.complete(Thread.currentThread().isInterrupted());
      }, "closer");
      closer.start();
      awaitWaiting(closer);
      closer.interrupt();

      assertThat(interruptedAfterClose.get(10, TimeUnit.SECONDS)).as("the interrupt flag after close()").isTrue();
      assertThat(received).as("close() returned while the delivery was still stuck").isEmpty();
      assertThatThrownBy(() -> dispatcher.subscribe(stuck, stuck, Delivery.sync(), queue -> stuck))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Sinks is closed");
    } finally {
      unblock.countDown();
      executor.shutdown();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(received).containsExactly(1);
  }

  /** Until {@code thread} waits (here, in close() for the stuck queue); a state, not a time. */
  private static void awaitWaiting(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING) {
      assertThat(thread.isAlive()).as("%s ended instead of waiting", thread.getName()).isTrue();
      assertThat(System.nanoTime() - deadline).as("%s never waited", thread.getName()).isNegative();
      Thread.onSpinWait();
    }
  }
}
