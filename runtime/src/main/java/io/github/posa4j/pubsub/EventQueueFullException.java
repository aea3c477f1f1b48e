package io.github.posa4j.pubsub;

/**
 * An event was not queued for an asynchronous subscriber because its queue was full
 * ({@link QueueOverflow#FAIL}, or an interrupted wait under {@link QueueOverflow#BLOCK}). It reaches
 * the publisher's error handler as the {@linkplain DeliveryFailure#error() error} of a
 * {@link DeliveryFailure}; the publisher never sees it.
 */
public final class EventQueueFullException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which names the subscriber, the queue and the event. */
  public EventQueueFullException(String message) {
    super(message);
  }
}
