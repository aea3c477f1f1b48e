package io.github.posa4j.pubsub;

/**
 * Receives what went wrong delivering an event: a subscriber that threw, or an event an
 * asynchronous subscriber's full queue refused. Set it with
 * {@link PublisherOptions.Builder#errorHandler}; the default {@linkplain #logging() logs} a warning.
 *
 * <p>It runs on the thread where the delivery failed, and should return quickly: the publishing
 * thread for synchronous subscribers and for events an asynchronous subscriber's queue refused
 * ({@link QueueOverflow#FAIL}, an interrupted {@link QueueOverflow#BLOCK}, an executor that refused
 * the turn); the executor's thread for an asynchronous subscriber that threw. Whatever it throws
 * is logged and goes no further: a failing handler never stops delivery to other subscribers.
 */
@FunctionalInterface
public interface SubscriberErrorHandler {

  /** Handles one failed delivery. */
  void handle(DeliveryFailure failure);

  /**
   * The default handler: one {@link System.Logger} record at {@code WARNING} on the logger
   * {@code io.github.posa4j.pubsub}, naming the publisher, the event and the subscriber, with the
   * error's stack trace. Event arguments are not logged, since they may hold personal data.
   */
  static SubscriberErrorHandler logging() {
    return DeliveryFailure::log;
  }
}
