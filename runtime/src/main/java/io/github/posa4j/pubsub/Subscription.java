package io.github.posa4j.pubsub;

/**
 * One subscriber or listener registered with a publisher; {@link #close()} unsubscribes it.
 *
 * <p>For a subscriber with {@linkplain Delivery#async() asynchronous delivery} the subscription
 * also tells how many of its events wait in its queue and how many it lost to a full queue.
 */
public interface Subscription extends AutoCloseable {

  /**
   * Unsubscribes; idempotent, and safe to call from any thread, including from the subscriber
   * while it handles an event. Once this returns, the publisher starts no new synchronous delivery
   * to it and queues no new event for it, except on a thread that was already between reading
   * the subscription's target and calling it. Events already queued for an asynchronous
   * subscriber are still delivered, in order, and the publisher's {@code close()} waits for them.
   */
  @Override
  void close();

  /**
   * Whether the subscriber still receives new events: false once {@link #close()} has returned, or
   * once its publisher's {@code close()} has finished waiting for the queues.
   */
  boolean isActive();

  /** The events queued for an asynchronous subscriber and not yet delivered; 0 when synchronous. */
  int pendingEvents();

  /**
   * The events this subscriber never received because its queue was full: dropped by
   * {@link QueueOverflow#DROP_NEWEST} or {@link QueueOverflow#DROP_OLDEST}, or refused by
   * {@link QueueOverflow#FAIL} or an interrupted {@link QueueOverflow#BLOCK} wait (and reported to the
   * error handler); 0 when synchronous. Events an executor refused to run are reported, not
   * counted here.
   */
  long droppedEvents();
}
