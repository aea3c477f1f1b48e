package io.github.posa4j.pubsub;

/**
 * One entry in a publisher's list of subscribers: what was registered, the object the publisher
 * calls (the subscriber itself, a listener's adapter, or the adapter that queues events for an
 * asynchronous subscriber) and whether it is still active. Generated publishers read it; users see
 * it as a {@link Subscription}.
 *
 * @param <L> the {@code @Publisher} interface
 */
public final class Registration<L> implements Subscription {
  private final EventDispatcher<L> dispatcher;
  private final Object subscriber;
  private final L target;
  private final EventQueue<L> queue;
  private volatile boolean active = true;

  Registration(EventDispatcher<L> dispatcher, Object subscriber, L target, EventQueue<L> queue) {
    this.dispatcher = dispatcher;
    this.subscriber = subscriber;
    this.target = target;
    this.queue = queue;
  }

  /** What the publisher calls for each event. */
  public L target() {
    return target;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void close() {
    if (active) {
      active = false;
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

  EventQueue<L> queue() {
    return queue;
  }

  void deactivate() {
    active = false;
  }

  @Override
  public String toString() {
    return "Subscription[" + subscriber + (queue == null ? ", sync" : ", async") + (active ? "" : ", closed") + "]";
  }
}
