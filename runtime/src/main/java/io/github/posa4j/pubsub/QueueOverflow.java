package io.github.posa4j.pubsub;

/**
 * What publishing does when an asynchronous subscriber's queue already holds its capacity of
 * events. Each policy concerns that one subscriber: the others receive the event as usual.
 */
public enum QueueOverflow {
  /**
   * The publishing thread waits until the subscriber has taken an event from its queue (the
   * default): the publisher slows to the pace of its slowest subscriber and no event is lost. A
   * subscriber that publishes to its own full queue from its delivery thread, which would wait for
   * itself, is let through beyond capacity instead. An interrupted wait gives up: the event is
   * reported to the error handler as with {@link #FAIL} and the thread stays interrupted.
   */
  BLOCK,

  /** The new event is discarded for this subscriber and counted in {@link Subscription#droppedEvents()}. */
  DROP_NEWEST,

  /**
   * The oldest event still waiting in the queue, that is whose delivery has not started, is
   * discarded to make room for the new one, and counted in {@link Subscription#droppedEvents()}:
   * the subscriber sees the latest events, in order. A delivery under way is never cut short.
   */
  DROP_OLDEST,

  /**
   * The new event is not queued for this subscriber and goes to the publisher's
   * {@linkplain PublisherOptions.Builder#errorHandler error handler} as a {@link DeliveryFailure}
   * with an {@link EventQueueFullException}, arguments included, so that nothing is lost silently.
   * The publisher itself never sees the failure.
   */
  FAIL
}
