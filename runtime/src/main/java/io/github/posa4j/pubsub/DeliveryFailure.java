package io.github.posa4j.pubsub;

import io.github.posa4j.internal.Describe;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One event that did not reach one subscriber: which publisher, which event with which arguments,
 * which subscriber, and the error. Given to the {@link SubscriberErrorHandler}, which may log it,
 * count it or keep the event to deliver again later.
 */
public final class DeliveryFailure {
  private static final System.Logger LOGGER = System.getLogger("io.github.posa4j.pubsub");

  private final String publisher;
  private final String event;
  private final List<Object> arguments;
  private final Object subscriber;
  private final Throwable error;

  /**
   * A failure of one delivery. posa4j's publishers make these; a test of a
   * {@link SubscriberErrorHandler} may make its own.
   */
  public DeliveryFailure(String publisher, String event, Object[] arguments, Object subscriber, Throwable error) {
    this.publisher = publisher;
    this.event = event;
    this.arguments = Collections.unmodifiableList(Arrays.asList(arguments));
    this.subscriber = subscriber;
    this.error = error;
  }

  /** The publisher's name: its options' name, or the name of the {@code @Publisher} interface. */
  public String publisher() {
    return publisher;
  }

  /** The event: the name of the event method, such as {@code orderPlaced}. */
  public String event() {
    return event;
  }

  /** The event's arguments in declaration order (unmodifiable; elements may be {@code null}). */
  public List<Object> arguments() {
    return arguments;
  }

  /** The subscriber as it was registered: the subscriber object, or the listener. */
  public Object subscriber() {
    return subscriber;
  }

  /**
   * What the subscriber threw; an {@link EventQueueFullException} for an event its full queue
   * refused; or what the executor threw when it would not run the subscriber's turn.
   */
  public Throwable error() {
    return error;
  }

  /** Names publisher, event, subscriber and error; the arguments are left out. */
  @Override
  public String toString() {
    return "subscriber " + Describe.object(subscriber) + " of " + publisher + " failed on event " + event + ": "
        + Describe.object(error);
  }

  void log() {
    LOGGER.log(System.Logger.Level.WARNING, this.toString(), error);
  }
}
