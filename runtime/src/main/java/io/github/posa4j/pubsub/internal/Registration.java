package io.github.posa4j.pubsub.internal;

import io.github.posa4j.pubsub.Subscription;

/**
 * One entry in a publisher's list of subscribers: what was registered, and the object the
 * publisher calls for each event: the subscriber itself, a listener's adapter, or the adapter that
 * queues events for an asynchronous subscriber. Generated publishers read it; users see it as a
 * {@link Subscription}.
 *
 * <p>Closing swaps the target for the publisher's object that ignores every event, so a dispatch
 * needs no separate check before each call: it reads the target, which is either live or inert.
 *
 * @param <L> the {@code @Publisher} interface
 */
public final class Registration<L> implements Subscription {
  private final EventDispatcher<L> dispatcher;
  private final Object subscriber;
  private final EventQueue<L> queue;
  private volatile L target;

  Registration(EventDispatcher<L> dispatcher, Object subscriber, L target, EventQueue<L> queue) {
    this.dispatcher = dispatcher;
    this.subscriber = subscriber;
    this.target = target;
    this.queue = queue;
  }

  /** What the publisher calls for each event; once closed, an object that ignores every event. */
  public L target() {
    return target;
  }

  @Override
  public boolean isActive() {
    return target != dispatcher.ignoring();
  }

  @Override
  public void close() {
    if (deactivate()) {
      dispatcher.remove(this);
    }
  }

  @Override
  public int pendingEvents() {
    return queue == null ? 0 : queue.pendingEvents();
  }

  @Override
  public long droppedEvents() {
    return queue == null ? 0 : queue.droppedEvents();
  }

  Object subscriber() {
    return subscriber;
  }

  /** The queue of an asynchronous subscriber, or null for synchronous delivery. */
  public EventQueue<L> queue() {
    return queue;
  }

  /** Stops deliveries to the subscriber; whether this call did (it was active). */
  boolean deactivate() {
    synchronized (this) {
      if (target == dispatcher.ignoring()) {
        return false;
      }
      target = dispatcher.ignoring();
      return true;
    }
  }

  @Override
  public String toString() {
    return "Subscription[" + subscriber + (queue == null ? ", sync" : ", async") + (isActive() ? "" : ", closed") + "]";
  }
}
