package io.github.posa4j.pubsub.internal;

/**
 * One event waiting in an asynchronous subscriber's queue. A generated publisher declares one
 * subclass per event method, which keeps the arguments in typed fields and calls the method.
 *
 * @param <L> the {@code @Publisher} interface
 */
public abstract class QueuedEvent<L> {
  /** The next event: older while in a queue's incoming stack, newer in its delivery list. */
  QueuedEvent<L> next;

  /** For generated subclasses. */
  protected QueuedEvent() {}

  /** Calls this event's method with its arguments on {@code subscriber}. */
  protected abstract void deliverTo(L subscriber) throws Throwable;

  /** The event method's name, for error reports. */
  protected abstract String event();

  /** The arguments in declaration order, for error reports; called only when delivery fails. */
  protected abstract Object[] arguments();
}
