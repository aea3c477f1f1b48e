package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * A recording of every posa4j event, streamed while the test runs: request events without their
 * threshold, queue samples every 100 ms. {@link #await} blocks until a matching event arrives
 * (the stream delivers them about once a second).
 */
final class RecordedEvents implements AutoCloseable {
  static final String PREFIX = "io.github.posa4j.";
  private static final List<String> NAMES = List.of("CircuitBreakerStateChange", "CallRejected", "Retry", "Timeout",
      "Fallback", "ActiveObjectRequest", "SubscriberError", "QueueOverflow", "Command", "JournalSync", "LeaderElected",
      "LeaderRevoked", "LeaseRenewalFailed");

  private final RecordingStream stream = new RecordingStream();
  private final List<RecordedEvent> seen = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();

  private RecordedEvents() {
    for (String name : NAMES) {
      stream.enable(PREFIX + name).withoutThreshold();
    }
    stream.enable(PREFIX + "ActiveObjectQueue").withPeriod(Duration.ofMillis(100));
    stream.onEvent(this::arrived);
    stream.startAsync();
  }

  /** Starts recording; events emitted once this returns are seen. */
  static RecordedEvents start() {
    return new RecordedEvents();
  }

  /** The first event named {@code PREFIX + name} that {@code matching} accepts, waiting up to 30 s for it. */
  RecordedEvent await(String name, Predicate<RecordedEvent> matching) throws InterruptedException {
    Waiter waiter = new Waiter(PREFIX + name, matching);
    synchronized (this) {
      for (RecordedEvent event : seen) {
        if (waiter.accepts(event)) {
          return event;
        }
      }
      waiters.add(waiter);
    }
    assertThat(waiter.found.await(30, TimeUnit.SECONDS)).as("an event %s as expected arrived", waiter.name).isTrue();
    return waiter.event;
  }

  private synchronized void arrived(RecordedEvent event) {
    seen.add(event);
    waiters.removeIf(waiter -> {
      if (!waiter.accepts(event)) {
        return false;
      }
      waiter.event = event;
      waiter.found.countDown();
      return true;
    });
  }

  @Override
  public void close() {
    stream.close();
  }

  private static final class Waiter {
    final String name;
    final Predicate<RecordedEvent> matching;
    final CountDownLatch found = new CountDownLatch(1);
    volatile RecordedEvent event;

    Waiter(String name, Predicate<RecordedEvent> matching) {
      this.name = name;
      this.matching = matching;
    }

    boolean accepts(RecordedEvent event) {
      return event.getEventType().getName().equals(name) && matching.test(event);
    }
  }
}
