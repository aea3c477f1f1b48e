package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.DeliveryFailure;
import io.github.posa4j.pubsub.EventQueueFullException;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.QueueOverflow;
import io.github.posa4j.pubsub.Sink;
import io.github.posa4j.pubsub.internal.EventDispatcher;
import io.github.posa4j.pubsub.internal.Registration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publishers emit an event for each failure their error handler gets, and one for each event that
 * meets a full asynchronous queue, naming publisher, subscriber, event, policy and outcome.
 * Asynchronous queues here run on an executor that holds their turns, so that they stay full.
 */
class PublisherEventsTest {
  private static RecordedEvents recorded;
  private final List<Runnable> heldTurns = Collections.synchronizedList(new ArrayList<>());
  private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void record() {
    recorded = RecordedEvents.start();
  }

  @AfterAll
  static void stop() {
    recorded.close();
  }

  /** A subscriber that records what it receives and names itself {@code name}. */
  private static Sink subscriber(String name, List<Integer> received) {
    return new Sink() {
      @Override
      public void put(int value) {
        received.add(value);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private Registration<Sink> subscribe(String publisher, Sink subscriber, Executor executor, int capacity,
      QueueOverflow overflow) {
    EventDispatcher<Sink> dispatcher = new EventDispatcher<>("test.Feed",
        PublisherOptions.builder().name(publisher).errorHandler(failures::add).build(), value -> {});
    return (Registration<Sink>) dispatcher.subscribe(subscriber, subscriber,
        Delivery.async(executor, capacity, overflow), queue -> value -> queue.offer(new Sink.Put(value)));
  }

  private static boolean about(RecordedEvent event, String publisher) {
    return publisher.equals(event.getString("publisher"));
  }

  @Test
  void aSubscriberThatThrowsIsASubscriberError() throws Exception {
    Sink failing = new Sink() {
      @Override
      public void put(int value) {
        throw new IllegalStateException("cannot take " + value);
      }

      @Override
      public String toString() {
        return "failing-subscriber";
      }
    };
    Registration<Sink> registration = subscribe("jfr-errors", failing, Runnable::run, 8, QueueOverflow.BLOCK);
    registration.target().put(7);
    assertThat(failures).hasSize(1);

    RecordedEvent error = recorded.await("SubscriberError", e -> about(e, "jfr-errors"));
    assertThat(error.getString("event")).isEqualTo("put");
    assertThat(error.getString("subscriber")).isEqualTo("failing-subscriber");
    assertThat(error.getString("errorClass")).isEqualTo(IllegalStateException.class.getName());
    assertThat(error.getString("errorMessage")).isEqualTo("cannot take 7");
    assertThat(error.getEventType().getCategoryNames()).containsExactly("posa4j", "Publisher-Subscriber");
  }

  @Test
  void aFullQueueThatDropsTheNewEventIsAnOverflow() throws Exception {
    Registration<Sink> registration = subscribe("jfr-drop-newest", subscriber("newest-subscriber", new ArrayList<>()),
        heldTurns::add, 1, QueueOverflow.DROP_NEWEST);
    registration.target().put(1);
    registration.target().put(2);
    assertThat(registration.droppedEvents()).isEqualTo(1);

    RecordedEvent overflow = recorded.await("QueueOverflow", e -> about(e, "jfr-drop-newest"));
    assertThat(overflow.getString("subscriber")).isEqualTo("newest-subscriber");
    assertThat(overflow.getString("event")).isEqualTo("put");
    assertThat(overflow.getString("policy")).isEqualTo("DROP_NEWEST");
    assertThat(overflow.getString("outcome")).isEqualTo("dropped");
    assertThat(overflow.getInt("capacity")).isEqualTo(1);
    assertThat(overflow.getEventType().getCategoryNames()).containsExactly("posa4j", "Publisher-Subscriber");
  }

  @Test
  void aFullQueueThatDropsTheOldestEventIsAnOverflow() throws Exception {
    List<Integer> received = new ArrayList<>();
    Registration<Sink> registration = subscribe("jfr-drop-oldest", subscriber("oldest-subscriber", received),
        heldTurns::add, 1, QueueOverflow.DROP_OLDEST);
    registration.target().put(1);
    registration.target().put(2);
    heldTurns.get(0).run();
    assertThat(received).containsExactly(2);

    RecordedEvent overflow = recorded.await("QueueOverflow", e -> about(e, "jfr-drop-oldest"));
    assertThat(overflow.getString("policy")).isEqualTo("DROP_OLDEST");
    assertThat(overflow.getString("outcome")).isEqualTo("dropped");
  }

  @Test
  void aFullQueueThatRefusesIsAnOverflowAndASubscriberError() throws Exception {
    Registration<Sink> registration = subscribe("jfr-fail", subscriber("refusing-subscriber", new ArrayList<>()),
        heldTurns::add, 1, QueueOverflow.FAIL);
    registration.target().put(1);
    registration.target().put(2);
    assertThat(failures).singleElement().satisfies(f -> assertThat(f.error()).isInstanceOf(EventQueueFullException.class));

    RecordedEvent overflow = recorded.await("QueueOverflow", e -> about(e, "jfr-fail"));
    assertThat(overflow.getString("policy")).isEqualTo("FAIL");
    assertThat(overflow.getString("outcome")).isEqualTo("refused");
    RecordedEvent error = recorded.await("SubscriberError", e -> about(e, "jfr-fail"));
    assertThat(error.getString("subscriber")).isEqualTo("refusing-subscriber");
    assertThat(error.getString("errorClass")).isEqualTo(EventQueueFullException.class.getName());
  }

  @Test
  void aPublisherWaitingForRoomIsAnOverflowLastingTheWait() throws Exception {
    List<Integer> received = new CopyOnWriteArrayList<>();
    Registration<Sink> registration = subscribe("jfr-block", subscriber("blocking-subscriber", received),
        heldTurns::add, 1, QueueOverflow.BLOCK);
    registration.target().put(1);
    Thread publisher = new Thread(() -> registration.target().put(2), "jfr-block-publisher");
    publisher.start();
    while (publisher.getState() != Thread.State.WAITING) { // waiting for room in the full queue
      Thread.onSpinWait();
    }
    heldTurns.get(0).run(); // delivers 1, which makes room for 2
    publisher.join();
    assertThat(received).contains(1);

    RecordedEvent overflow = recorded.await("QueueOverflow", e -> about(e, "jfr-block"));
    assertThat(overflow.getString("policy")).isEqualTo("BLOCK");
    assertThat(overflow.getString("outcome")).isEqualTo("waited");
    assertThat(overflow.getDuration()).isPositive();
  }
}
